#!/usr/bin/env bash
# Time per drawn frame and CPU per step in the real window (release build,
# software renderer, Xvfb), for the README's performance table:
#
#   scripts/frame-times.sh [--base REV | --base-bin FILE [--base-gen FILE]] [--runs N]
#                          [--sizes "1366x768 1920x1080"] [--only SCENARIO...]
#
# For each screen size and interaction it starts the window with a fresh
# home directory, brings it to the screen wanted with the keyboard and the
# mouse (xdotool), and lets scripts/frame_driver (a crate of its own) send the measured input
# (XTEST) and time each frame the window draws (XDAMAGE: the image has
# arrived at the X server). A frame's time runs from the input (or from the
# frame before, when one input draws several), so it includes the update,
# view, layout, drawing and putting the image on the screen. The CPU per
# step is that of all the program's threads from the input until the window
# is quiet again. The interactions:
#
#   list-40     wheel steps over the list of 40 applications × 3 assessors
#   list-1000   the same with 1,000 applications
#   scoring     wheel steps over the scoring screen (first application of 40)
#   typing      typing a motivation in the scoring screen, one key a step
#   ranking     switching the ranking between the table and the heat map
#   heatmap     moving the pointer over the heat map, one cell a step
#
# --base REV also builds the program at git revision REV (in a temporary
# copy, same CARGO_TARGET_DIR) and measures it in the same run, alternating
# with this tree's build, so both see the same machine (--base-bin: a
# release binary of it built before). The synthetic dossiers are then made
# by the base's own generator (its examples/synthetic_dossier, --base-gen
# with --base-bin), so that both builds open the same files: an older build
# cannot open a dossier of a newer format. Needs: cargo, Xvfb,
# xdotool. The load average is printed at the start and the end: measure on
# a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

base=""
base_bin=""
base_gen=""
runs=2
sizes="1366x768 1920x1080"
only=""
while [[ $# -gt 0 ]]; do
    case $1 in
    --base) base=$2; shift 2 ;;
    --base-bin) base_bin=$2; shift 2 ;;
    --base-gen) base_gen=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "usage: $0 [--base REV | --base-bin FILE [--base-gen FILE]] [--runs N] [--sizes \"WxH ...\"] [--only \"SCENARIO ...\"]" >&2; exit 2 ;;
    esac
done
scenarios=${only:-"list-40 list-1000 scoring typing ranking heatmap"}

for tool in Xvfb xdotool; do
    command -v $tool >/dev/null || { echo "frame-times: $tool is missing (apt-get install xvfb xdotool)" >&2; exit 1; }
done

work=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
    [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null || true
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
log() { echo "frame-times: $*" >&2; }
target=$(realpath -m "${CARGO_TARGET_DIR:-target}")

log "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
log "cargo build --release (leidraad, synthetic_dossier)"
cargo build --quiet --release --bin leidraad --example synthetic_dossier
cp "$target/release/leidraad" "$work/leidraad-new"
builds=(new)
if [[ -n $base_bin ]]; then
    cp "$base_bin" "$work/leidraad-base"
    builds=(base new)
elif [[ -n $base ]]; then
    log "cargo build --release at $base"
    mkdir "$work/base-src"
    git archive "$base" | tar -x -C "$work/base-src"
    (cd "$work/base-src" && CARGO_TARGET_DIR=$target cargo build --quiet --release --bin leidraad --example synthetic_dossier)
    cp "$target/release/leidraad" "$work/leidraad-base"
    cp "$target/release/examples/synthetic_dossier" "$work/synthetic-base"
    base_gen="$work/synthetic-base"
    builds=(base new)
    # This tree's binaries again: the base build overwrote them in the target dir.
    cargo build --quiet --release --bin leidraad --example synthetic_dossier
fi
log "cargo build --release (scripts/frame_driver)"
(cd scripts/frame_driver && CARGO_TARGET_DIR=$target/frame_driver cargo build --quiet --release)
driver="$target/frame_driver/release/frame_driver"
gen=${base_gen:-$target/release/examples/synthetic_dossier}
"$gen" 40 3 "$work/40.ron" 2>/dev/null
"$gen" 1000 3 "$work/1000.ron" 2>/dev/null

# Start Xvfb at a size ($1 = WxH) on a free display.
start_x() {
    exec 3>"$work/display"
    Xvfb -displayfd 3 -screen 0 "${1}x24" -nolisten tcp 2>/dev/null &
    xvfb_pid=$!
    exec 3>&-
    for _ in $(seq 100); do
        [[ -s $work/display ]] && break
        sleep 0.1
    done
    export DISPLAY=":$(cat "$work/display")"
}

stop_x() {
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=""
    rm -f "$work/display"
}

# Start a build ($1) on a dossier ($2) filling the screen ($3 = WxH), for
# an assessor ($4); sets app_pid and wid.
start_app() {
    local bin=$1 dossier=$2 size=$3 assessor=$4
    local home="$work/home"
    rm -rf "$home"
    mkdir -p "$home/.config/leidraad" "$home/.local/share"
    echo "(assessor: \"$assessor\")" >"$home/.config/leidraad/instellingen.ron"
    cp "$dossier" "$home/dossier.ron"
    # A name that is neither staff nor an assessor of the dossier sees a
    # banner and no totals: the typing user is made programme staff.
    if [[ $assessor == Meetpersoon ]]; then
        "$work/leidraad-$bin" staff "$home/dossier.ron" --add "$assessor" --by "$assessor" >/dev/null 2>&1 || true
    fi
    HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
        "$work/leidraad-$bin" open "$home/dossier.ron" >"$work/app.log" 2>&1 &
    app_pid=$!
    wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app_pid" | head -1)
    xdotool windowmove "$wid" 0 0 windowsize "$wid" "${size%x*}" "${size#*x}"
    # No window manager: give the window the keyboard.
    xdotool windowfocus "$wid"
    sleep 1
}

stop_app() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

# Positions are fractions of the screen or fixed offsets from its top left,
# read off screenshots of both sizes (the layout is the same at both).
at() { xdotool mousemove "$1" "$2"; sleep 0.3; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 1; }

# Run one scenario ($1) with one build ($2) at one size ($3); appends the
# driver's lines, labelled, to $work/results.
scenario() {
    local name=$1 bin=$2 size=$3
    local w=${size%x*} h=${size#*x}
    local dossier="$work/40.ron" steps=() assessor="Beoordelaar 1"
    [[ $name == list-1000 ]] && dossier="$work/1000.ron"
    # Typing needs an assessment that is not submitted yet: a new assessor.
    [[ $name == typing ]] && assessor="Meetpersoon"
    start_app "$bin" "$dossier" "$size" "$assessor"
    case $name in
    list-40 | list-1000)
        at $((w / 2)) $((h * 3 / 4))
        steps=("wd*10" "wu*10")
        ;;
    scoring)
        click "$SCORE_FIRST_X" "$SCORE_FIRST_Y"
        at $((w / 2)) $((h * 3 / 4))
        steps=("wd*10" "wu*10")
        ;;
    typing)
        click "$SCORE_FIRST_X" "$SCORE_FIRST_Y"
        # The scoring screen gained a line of keys above the first
        # motivation (after 81acb13): a base build older than that has it
        # higher up.
        if [[ $bin == base && -n ${BASE_OLD_LAYOUT:-} ]]; then
            click "$MOTIVATION_X" "$((MOTIVATION_Y - MOTIVATION_SHIFT))"
        else
            click "$MOTIVATION_X" "$MOTIVATION_Y"
        fi
        steps=("k:a*5" "k:_" "k:b*5" "k:_" "k:c*5" "k:_" "k:d*5" "k:_")
        ;;
    ranking)
        click "$TO_RANKING_X" "$TO_RANKING_Y"
        steps=()
        for _ in $(seq 10); do
            steps+=("c:$HEAT_TAB_X,$TABS_Y" "c:$TABLE_TAB_X,$TABS_Y")
        done
        ;;
    heatmap)
        click "$TO_RANKING_X" "$TO_RANKING_Y"
        click "$HEAT_TAB_X" "$TABS_Y"
        # One cell further each step (a move within a cell draws nothing):
        # along three rows, ten cells each, back and forth.
        steps=()
        for row in 0 1 2; do
            for col in $(seq 0 9); do
                [[ $row == 1 ]] && col=$((9 - col))
                steps+=("m:$((HEAT_X0 + col * HEAT_DX)),$((HEAT_Y + row * 28))")
            done
        done
        ;;
    esac
    "$driver" "$app_pid" "$wid" "${steps[@]}" | sed "s/^/$name $size $bin /" >>"$work/results"
    if [[ -n ${FRAME_TIMES_SHOTS:-} ]]; then
        mkdir -p "$FRAME_TIMES_SHOTS"
        import -window root "$FRAME_TIMES_SHOTS/$name-$size-$bin.png"
    fi
    stop_app
}

# Where to click, per size, read off screenshots (FRAME_TIMES_SHOTS=DIR
# keeps one per scenario): the buttons at the top right keep their distance
# to the right edge; at 1366 px the list's introduction takes two lines.
positions() {
    local w=${1%x*}
    TO_RANKING_X=$((w - 412)) TO_RANKING_Y=88
    SCORE_FIRST_X=$((w - 179)) SCORE_FIRST_Y=241
    TABS_Y=210 TABLE_TAB_X=54 HEAT_TAB_X=263
    HEAT_X0=303 HEAT_DX=85 HEAT_Y=410
    MOTIVATION_X=789 MOTIVATION_Y=536 MOTIVATION_SHIFT=28
    if [[ $w -lt 1600 ]]; then
        SCORE_FIRST_Y=256
        MOTIVATION_X=500 MOTIVATION_Y=536 MOTIVATION_SHIFT=26
        HEAT_X0=294 HEAT_DX=64
    fi
}

: >"$work/results"
for size in $sizes; do
    positions "$size"
    start_x "$size"
    for name in $scenarios; do
        for run in $(seq "$runs"); do
            for bin in "${builds[@]}"; do
                log "$size $name $bin (run $run), load $(cut -d' ' -f1 /proc/loadavg)"
                scenario "$name" "$bin" "$size"
            done
        done
    done
    stop_x
done
cp "$work/results" "${FRAME_TIMES_RAW:-/dev/null}" 2>/dev/null || true

# name size build -> frames, median and p95 frame (nearest rank), mean CPU per step
echo "| interaction | size | build | steps | frames | median frame | p95 frame | CPU per step |"
echo "|---|---|---|---|---|---|---|---|"
for name in $scenarios; do
    for size in $sizes; do
        for bin in "${builds[@]}"; do
            grep "^$name $size $bin step " "$work/results" >"$work/sel" || true
            awk '{ for (i = 1; i <= NF; i++) if ($i == "frame_ms") for (j = i + 1; j <= NF; j++) print $j }' \
                "$work/sel" | sort -n >"$work/frames"
            awk -v name="$name" -v size="$size" -v bin="$bin" -v frames="$work/frames" '
                { for (i = 1; i <= NF; i++) if ($i == "cpu_ms") { cpu += $(i + 1); steps++ } }
                END {
                    n = 0
                    while ((getline v < frames) > 0) a[++n] = v
                    med = n ? a[int((n + 1) / 2)] : "-"
                    p95 = n ? a[int(n * 0.95 + 0.999999)] : "-"
                    label = (bin == "base") ? "before" : "after"
                    printf "| %s | %s | %s | %d | %d | %s ms | %s ms | %.0f ms |\n",
                        name, size, label, steps, n, med, p95, steps ? cpu / steps : 0
                }' "$work/sel"
        done
    done
done
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
