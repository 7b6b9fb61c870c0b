#!/usr/bin/env bash
# Check the Debian package that scripts/package.sh made: its control
# fields (dpkg -I), that it holds the binary, the desktop entry with the
# MIME type of .leidraad dossiers, that MIME type's definition and the
# icons (dpkg -c), and that the desktop entry is valid.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target_dir=${CARGO_TARGET_DIR:-$PWD/target}
deb=$(find "$target_dir/package" -maxdepth 1 -name 'leidraad_*.deb' | head -n 1)
[ -n "$deb" ] || { echo "check-deb: no .deb in $target_dir/package" >&2; exit 1; }
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }

echo "== dpkg -I $(basename "$deb") ($(stat -c %s "$deb") bytes)"
info=$(dpkg -I "$deb")
echo "$info"
grep -q "^ Package: leidraad$" <<<"$info" || fail "no Package: leidraad"
grep -q "nl.vng.leidraad.desktop" <<<"$info" || fail "the description names no desktop entry"
grep -q "application/x-leidraad-dossier" <<<"$info" || fail "the description names no MIME type"

echo "== dpkg -c (what it installs)"
contents=$(dpkg -c "$deb")
awk '{print $3, $6}' <<<"$contents" | grep -v '/$'
for f in ./usr/bin/leidraad ./usr/share/applications/nl.vng.leidraad.desktop \
    ./usr/share/mime/packages/leidraad.xml ./usr/share/icons/hicolor/scalable/apps/leidraad.svg \
    ./usr/share/icons/hicolor/16x16/apps/leidraad.png ./usr/share/icons/hicolor/256x256/apps/leidraad.png; do
    grep -q " $f$" <<<"$contents" || fail "$f is missing"
done
if grep -q "tests/\|processprng\|bcryptprimitives" <<<"$contents"; then fail "test equipment in the package"; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp"
desktop=$tmp/usr/share/applications/nl.vng.leidraad.desktop
grep -q "^MimeType=application/x-leidraad-dossier;$" "$desktop" || fail "the desktop entry lacks the MIME type"
grep -q '^Exec=leidraad %f$' "$desktop" || fail "the desktop entry does not pass the file"
grep -q 'glob pattern="\*.leidraad"' "$tmp/usr/share/mime/packages/leidraad.xml" || fail "no *.leidraad glob"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop"
    echo "desktop-file-validate: the desktop entry is valid"
fi
"$tmp/usr/bin/leidraad" --version
echo "check-deb: passed"
