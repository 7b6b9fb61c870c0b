#!/bin/sh
# Run every fuzz target for a bounded time (default 60 s each) and print
# what ran. Not run in CI. Needs cargo-fuzz (`cargo install cargo-fuzz`);
# on a stable toolchain RUSTC_BOOTSTRAP=1 lets it use the nightly flags.
#   fuzz/run.sh [SECONDS]
set -eu
cd "$(dirname "$0")/.."
secs="${1:-60}"
export RUSTC_BOOTSTRAP=1
for target in dossier rubric csv result fastron; do
    seeds="fuzz/corpus/$target"
    mkdir -p "$seeds"
    case "$target" in
        dossier) cp tests/fixtures/*.ron tests/bad_input/*.ron "$seeds"/ 2>/dev/null || true ;;
        rubric) cp rubrics/*.ron "$seeds"/ ;;
        fastron) cp tests/fixtures/*.ron assets/*.ron tests/bad_input/*.ron "$seeds"/ 2>/dev/null || true ;;
        # Real result files: packages made with `leidraad package` from the
        # example dossier (the result target imports into that dossier).
        result) cp fuzz/seeds/result/*.ron tests/fixtures/*.ron "$seeds"/ 2>/dev/null || true ;;
        csv) printf '%s\n' 'application,region,assessor,round,criterion,value,motivation' \
            'A01,Regio Lindewaard,Femke Hoogland,1,KO1,voldaan,' \
            'A01,Regio Lindewaard,Femke Hoogland,1,C4.financien,2,"Met, komma"' \
            'A01,Regio Lindewaard,CONSENSUS,2,C2,nb,' > "$seeds/seed.csv" ;;
    esac
    echo "== $target: $secs s"
    cargo fuzz run -O "$target" "$seeds" -- -max_total_time="$secs" -rss_limit_mb=2048 \
        -max_len=65536 2>&1 | grep -E '^(Done|#[0-9]+ +DONE)|ERROR|panicked' || true
done
