#!/usr/bin/env bash
# Runs the PDF/UA checkers that work on this machine (Python packages from
# PyPI, no Java) on every kind of PDF the program writes: the score sheets
# and ranking reports of the example dossier and a blank self-check.
#
#   scripts/check-pdf-ua.sh [OUT_DIR]
#
# The PDFs are left in OUT_DIR (default: a temporary folder, removed
# afterwards). The checkers are installed into a virtualenv in a temporary
# folder, pinned to the versions the README's figures come from:
#   page-validation 0.11.0  "page": PDF/UA-1 profile, 104 machine-checkable rules
#   outloud 0.2.1           PDF/UA-1 and WCAG 2.2 rules plus heuristics
#   pdfua 0.1.3             a subset of PDF/UA-1 (16 of 106 rules) on pikepdf
# None of them is veraPDF (the reference checker needs Java and a download
# that is not available here); see README.md, "Accessible PDFs".
# Needs: cargo, python3 with venv, network access to PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="${1:-$work/pdf}"
mkdir -p "$out"

cargo build --quiet
bin="${CARGO_TARGET_DIR:-target}/debug/leidraad"
"$bin" export assets/voorbeelddossier.ron --out "$out" >/dev/null
"$bin" zelftoets >"$work/blank.ron"
"$bin" zelftoets "$work/blank.ron" --pdf "$out/zelftoets.pdf" >/dev/null

python3 -m venv "$work/venv"
# shellcheck disable=SC1091
. "$work/venv/bin/activate"
pip install --quiet page-validation==0.11.0 outloud==0.2.1 pdfua==0.1.3

echo "== page (PDF/UA-1 profile)"
page_rc=0
python3 - "$out"/*.pdf <<'EOF' || page_rc=$?
import collections, sys
import page
bad = 0
for path in sys.argv[1:]:
    r = page.validate_pdf(path, profile="ua1")
    name = path.rsplit("/", 1)[-1]
    print(f"{name}: compliant={r.is_compliant} rules passed={r.rules.passed} failed={r.rules.failed}")
    for (rule, msg), n in sorted(collections.Counter((f.rule_id, f.message) for f in r.failures).items()):
        print(f"  {n:4} {rule}: {msg}")
    bad += not r.is_compliant
sys.exit(1 if bad else 0)
EOF

echo "== outloud"
outloud --no-info "$out"/*.pdf || true
echo "== pdfua"
pdfua check "$out"/*.pdf | grep -E "^\S|result:|\[(ERROR|WARN)" || true
exit $page_rc
