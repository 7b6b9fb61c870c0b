#!/usr/bin/env bash
# The performance table of README.md: runs every benchmark (engine, ui, pdf),
# measures the window's start to first frame and its peak memory (under
# Xvfb), and prints a Markdown table: measure | figure | target | met?
#
#   scripts/perf-table.sh [--full]
#
# By default the criterion runs are shortened (1 s warm-up, 3 s measurement;
# the 10,000-application benchmarks still take minutes). --full uses the
# benchmarks' own settings. Needs: cargo, xvfb-run and /usr/bin/time (GNU
# time) for the window figures (skipped with a note otherwise), jq not.
#
# The window figures use two hidden switches of the program:
#   LEIDRAAD_TIMING=1                  prints start-up times on stderr
#   LEIDRAAD_EXIT_AFTER_FIRST_FRAME=1  closes the window after its first frame
#                                      and prints "eerste frame getoond na N ms"
set -euo pipefail
cd "$(dirname "$0")/.."

criterion=(--warm-up-time 1 --measurement-time 3)
if [[ "${1:-}" == "--full" ]]; then
    criterion=()
fi
runs=5 # window starts per measurement; the median is reported

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/bench.txt"
: >"$results"

log() { echo "perf-table: $*" >&2; }

# cargo bench with criterion's bencher output: "test NAME ... bench: N ns/iter (+/- M)".
bench() {
    local name=$1
    shift
    log "cargo bench --bench $name $*"
    LEIDRAAD_BENCH_NO_SOFFICE=1 cargo bench --quiet --bench "$name" -- "${criterion[@]}" \
        --output-format bencher "$@" 2>"$work/$name.err" | grep '^test ' >>"$results" || {
        log "bench $name failed:"
        tail -20 "$work/$name.err" >&2
        exit 1
    }
}

bench engine
bench ui
bench pdf

# Nanoseconds of the benchmark whose name is exactly $1.
ns() {
    awk -v want="$1" '
        /^test / {
            line = $0
            sub(/^test /, "", line)
            i = index(line, " ... bench:")
            name = substr(line, 1, i - 1)
            if (name == want) {
                rest = substr(line, i + length(" ... bench:"))
                gsub(/,/, "", rest)
                split(rest, f, " ")
                print f[1]
                exit
            }
        }' "$results"
}

# Format nanoseconds as ms (or s from 1 s).
fmt() {
    awk -v ns="$1" 'BEGIN {
        if (ns == "") { print "not measured"; exit }
        ms = ns / 1e6
        if (ms >= 1000) printf "%.2f s\n", ms / 1000
        else if (ms >= 10) printf "%.0f ms\n", ms
        else if (ms >= 1) printf "%.1f ms\n", ms
        else printf "%.2f ms\n", ms
    }'
}

# "yes" / "**no**" for a figure in ns against a limit in ms.
met() {
    awk -v ns="$1" -v limit="$2" 'BEGIN {
        if (ns == "") print "-"
        else if (ns / 1e6 < limit) print "yes"
        else print "**no**"
    }'
}

rows=()
row() { rows+=("| $1 | $2 | $3 | $4 |"); }

# measure | benchmark name | target text | limit in ms (empty: no target)
add() {
    local n
    n=$(ns "$2")
    if [[ -n "$4" ]]; then
        row "$1" "$(fmt "$n")" "$3" "$(met "$n" "$4")"
    else
        row "$1" "$(fmt "$n")" "${3:--}" "-"
    fi
}

big="10k applications x 5 assessors"
add "rank round 1, 10,000 applications × 5 assessors" "$big/rank round 1" "< 50 ms" 50
add "rank round 2 (includes round 1), same dossier" "$big/rank round 2 (includes round 1)" "< 50 ms" 50
add "load + validate that dossier" "$big/load + validate" "< 1 s" 1000
add "save it (atomic, with backup)" "$big/save (atomic, with backup)" "none stated" ""
add "sensitivity, 1,000 applications × 5 assessors" "1k applications x 5 assessors/sensitivity round 2" "< 1 s" 1000
add "GUI, 1,000 applications: select one + change a score (update + view)" \
    "ui: select an application + change a score (update+view)" "< 16 ms" 16
add "GUI: change a score (update + view)" "ui: change a score (update+view)" "< 16 ms" 16
add "GUI: change a score (update + view + layout)" "ui: change a score (update+view+layout)" "< 16 ms" 16
add "GUI: back to the list of 1,000 (update + view)" "ui: back to the list of 1,000 (update+view)" "< 16 ms" 16
add "GUI ranking: sort 1,000 rows by a column (update + view)" \
    "ranking: sort 1,000 rows by a column (update+view)" "< 16 ms" 16
add "GUI ranking: switch table/charts, 1,000 rows (update + view)" \
    "ranking: switch table/charts, 1,000 rows (update+view)" "< 16 ms" 16
add "GUI ranking charts, 1,000 applications: build the chart model" \
    "ranking: build the chart model of 1,000" "< 16 ms" 16
add "GUI ranking charts: draw the bar chart, empty cache" \
    "ranking: draw the bar chart of 1,000 (visible rows, empty cache)" "< 16 ms" 16
add "GUI ranking charts: draw the heat map, empty cache" \
    "ranking: draw the heat map of 1,000 (visible rows, empty cache)" "< 16 ms" 16
add "GUI ranking charts: draw the round chart, empty cache" \
    "ranking: draw the round chart (visible rows, empty cache)" "< 16 ms" 16
add "100 PDF score sheets, one thread" "pdf/100 score sheets, one thread" "< 1 s" 1000
add "100 PDF score sheets, all cores" "pdf/100 score sheets, all cores" "< 1 s" 1000

# ---- the window: first frame and peak memory --------------------------------

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'; }

window_runs() {
    local dossier=$1 label=$2
    local frames="$work/frames-$label" rss="$work/rss-$label"
    : >"$frames"
    : >"$rss"
    for _ in $(seq "$runs"); do
        HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
            LEIDRAAD_TIMING=1 LEIDRAAD_EXIT_AFTER_FIRST_FRAME=1 \
            timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" \
            /usr/bin/time -v target/release/leidraad open "$dossier" >/dev/null 2>"$work/window.err" || {
            log "the window failed:"
            cat "$work/window.err" >&2
            return 1
        }
        sed -n 's/.*eerste frame getoond na \([0-9]*\) ms.*/\1/p' "$work/window.err" >>"$frames"
        sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\).*/\1/p' "$work/window.err" >>"$rss"
    done
}

if command -v xvfb-run >/dev/null && [[ -x /usr/bin/time ]]; then
    log "cargo build --release (and the synthetic dossier)"
    cargo build --quiet --release --bin leidraad --example synthetic_dossier
    mkdir -p "$work/home"
    cp assets/voorbeelddossier.ron "$work/voorbeeld.ron"
    target/release/examples/synthetic_dossier 1000 3 "$work/groot.ron" 2>/dev/null
    for label in voorbeeld groot; do
        log "window with $label.ron, $runs starts"
        window_runs "$work/$label.ron" "$label"
    done
    for label in voorbeeld groot; do
        what="example dossier (8 applications)"
        [[ $label == groot ]] && what="1,000 applications × 3 assessors"
        ms=$(median <"$work/frames-$label")
        if [[ $label == voorbeeld ]]; then
            row "GUI: start to first frame shown, $what (release, Xvfb, median of $runs)" \
                "${ms} ms" "< 1 s" "$([[ ${ms:-999999} -lt 1000 ]] && echo yes || echo '**no**')"
        else
            row "GUI: start to first frame shown, $what (median of $runs)" "${ms} ms" "none stated" "-"
        fi
        kb=$(sort -n "$work/rss-$label" | tail -1)
        row "GUI: peak memory (max RSS) to the first frame, $what" \
            "$(awk -v kb="$kb" 'BEGIN { printf "%.0f MiB", kb / 1024 }')" "none stated" "-"
    done
else
    row "GUI: start to first frame, peak memory" "not measured (no xvfb-run or GNU time)" "< 1 s" "-"
fi

# ---- a fresh process with the 10,000-application dossier --------------------
# The benchmark above loads in a warm process; a fresh one must also get its
# memory from the system (about 0.9 GB here), which this measures.

if [[ -x /usr/bin/time ]]; then
    log "a fresh process: leidraad rank --round 2 on 10,000 applications x 5 assessors, $runs runs"
    cargo build --quiet --release --bin leidraad --example synthetic_dossier
    target/release/examples/synthetic_dossier 10000 5 "$work/tienduizend.ron" 2>/dev/null
    : >"$work/fresh"
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$work/fresh" -a -f '%e %M' \
            target/release/leidraad rank --round 2 "$work/tienduizend.ron" >/dev/null
    done
    secs=$(cut -d' ' -f1 "$work/fresh" | median)
    kb=$(cut -d' ' -f2 "$work/fresh" | sort -n | tail -1)
    row "a fresh process: read, check and rank round 2 of the 10,000-application dossier (\`leidraad rank\`, median of $runs)" \
        "${secs} s, peak $(awk -v kb="$kb" 'BEGIN { printf "%.0f MiB", kb / 1024 }')" "none stated" "-"
    rm -f "$work/tienduizend.ron"
fi

echo "| measure | figure | target | met? |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(rustc --version | cut -d' ' -f1-2), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
