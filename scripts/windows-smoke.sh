#!/usr/bin/env bash
# The Windows smoke test, run by .ci/run on every change: cross-build
# leidraad for x86_64-pc-windows-gnu (mingw-w64) and run the .exe under wine
# and Xvfb, in a Windows environment without DISPLAY:
#   --version, rank and export of the example dossier (the PDFs read back
#   with pdftotext), import-csv of a CSV with CRLF line ends and a byte
#   order mark, and the window on the example until its first frame, with a
#   screenshot (target/windows-smoke/window.png, described in the log).
# The outputs are compared with those of the Linux build.
#
# Needs: rustup target x86_64-pc-windows-gnu, gcc-mingw-w64-x86-64, wine
# (Debian's wine 8 and wine64), xvfb, imagemagick, poppler-utils.
# Tested under wine only; a physical Windows machine may differ (README).
#
# Environment: LEIDRAAD_WINDOWS_PROFILE (default ci-windows, see
# Cargo.toml), LEIDRAAD_LINUX_BIN (the Linux build to compare with; default
# target/debug/leidraad, built when missing), CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
target_dir=${CARGO_TARGET_DIR:-$root/target}
triple=x86_64-pc-windows-gnu
profile=${LEIDRAAD_WINDOWS_PROFILE:-ci-windows}
out=$target_dir/windows-smoke
exe=$target_dir/$triple/$profile/leidraad.exe
linux_bin=${LEIDRAAD_LINUX_BIN:-$target_dir/debug/leidraad}

# shellcheck source=scripts/timed.sh
source "$root/scripts/timed.sh"

fail() {
    echo "windows-smoke: FAILED: $*" >&2
    exit 1
}

for tool in x86_64-w64-mingw32-gcc wine Xvfb import identify pdftotext; do
    command -v "$tool" >/dev/null || fail "$tool is missing (see the head of this script)"
done

timed "windows: cross-build ($profile)" \
    cargo build --locked --profile "$profile" --target "$triple" --bin leidraad
ls -l "$exe"
if [ ! -x "$linux_bin" ]; then
    timed "linux: debug build (to compare with)" cargo build --locked --bin leidraad
fi

rm -rf "$out"
mkdir -p "$out/work"

# A display of our own, for wine's window and the screenshot; and a wine
# prefix of our own, fresh every run.
display=":$((50 + RANDOM % 400))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
export WINEPREFIX=$out/wineprefix WINEDEBUG=-all
# No Mono or Gecko installer dialogs; the shim's bcryptprimitives.dll is a
# native DLL (wine 8 has none of its own).
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"
cleanup() {
    wineserver -k >/dev/null 2>&1 || true
    kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT

timed "windows: wine prefix" wine wineboot --init

# TEST EQUIPMENT (tests/windows/README.md): ProcessPrng for wine 8. Into
# this test's prefix only; never packaged.
timed "windows: ProcessPrng shim (test equipment)" \
    x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    tests/windows/processprng.c -ladvapi32

# A Unix path as wine's Z: drive names it.
win() { printf 'Z:%s' "${1//\//\\}"; }

example=$root/assets/voorbeelddossier.ron

echo "== windows: --version"
version=$(wine "$exe" --version)
expected=$("$linux_bin" --version)
echo "$version"
[ "$version" = "$expected" ] || fail "--version said '$version', the Linux build '$expected'"

echo "== windows: rank (the example dossier, round 1 and 2)"
for round in 1 2; do
    wine "$exe" rank "$(win "$example")" --round "$round" >"$out/rank-$round.txt"
    "$linux_bin" rank "$example" --round "$round" >"$out/rank-$round.linux.txt"
    cmp "$out/rank-$round.txt" "$out/rank-$round.linux.txt" ||
        fail "rank --round $round differs from the Linux build (diff $out/rank-$round.txt $out/rank-$round.linux.txt)"
done
head -n 5 "$out/rank-1.txt"

echo "== windows: export (PDFs, read back with pdftotext)"
timed "windows: export" wine "$exe" export "$(win "$example")" --out "$(win "$out/pdf")" >"$out/export.log"
"$linux_bin" export "$example" --out "$out/pdf.linux" >/dev/null
count=$(find "$out/pdf" -name '*.pdf' | wc -l)
count_linux=$(find "$out/pdf.linux" -name '*.pdf' | wc -l)
[ "$count" -gt 0 ] && [ "$count" = "$count_linux" ] ||
    fail "export wrote $count PDFs, the Linux build $count_linux"
for pdf in "$out"/pdf/*.pdf; do
    name=$(basename "$pdf")
    [ -f "$out/pdf.linux/$name" ] || fail "the Linux build wrote no $name"
    pdftotext -layout "$pdf" "$out/pdf/$name.txt"
    pdftotext -layout "$out/pdf.linux/$name" "$out/pdf.linux/$name.txt"
    cmp -s "$out/pdf/$name.txt" "$out/pdf.linux/$name.txt" ||
        fail "the text of $name differs from the Linux build's"
done
ranking=$(find "$out/pdf" -name '*.pdf' | grep -i rang | head -n 1)
[ -n "$ranking" ] || fail "no ranking report among the PDFs"
grep -q "Regio Lindewaard" "$ranking.txt" || fail "$ranking does not name Regio Lindewaard"
echo "$count PDFs, their text equal to the Linux build's; $(basename "$ranking"):"
grep -m 3 -v '^\s*$' "$ranking.txt"

echo "== windows: import-csv (CRLF line ends, byte order mark)"
"$linux_bin" export-csv "$example" >"$out/scores.lf.csv"
{
    printf '\xef\xbb\xbf'
    sed 's/$/\r/' "$out/scores.lf.csv"
} >"$out/scores.crlf-bom.csv"
wine "$exe" import-csv --out "$(win "$out/work/uit-csv.leidraad")" "$(win "$out/scores.crlf-bom.csv")"
wine "$exe" export-csv "$(win "$out/work/uit-csv.leidraad")" >"$out/scores.back.csv"
cmp "$out/scores.back.csv" "$out/scores.lf.csv" ||
    fail "the scores imported from the CRLF+BOM CSV differ from the example's"
echo "$(($(wc -l <"$out/scores.lf.csv") - 1)) scores imported and exported again unchanged"

echo "== windows: the window, in a Windows environment without DISPLAY"
cp "$example" "$out/work/voorbeelddossier.leidraad"
dossier=$(win "$out/work/voorbeelddossier.leidraad")
# Clears DISPLAY in the Windows environment, as on a real Windows machine.
no_display="set DISPLAY=&& set WAYLAND_DISPLAY=&&"
env_seen=$(wine cmd /c "$no_display set" | tr -d '\r')
if grep -q '^DISPLAY=' <<<"$env_seen"; then fail "DISPLAY is still set in the Windows environment"; fi
# Until the first frame: the program closes itself after it. (`start /wait
# /b`: cmd waits for the GUI program, passes its exit code and its output.
# wine's start passes quoted arguments on with their quotes: no spaces in
# these paths, so no quotes.)
case "$exe$out" in *' '*) fail "the smoke test needs a target folder without spaces" ;; esac
start=$(date +%s)
LEIDRAAD_EXIT_AFTER_FIRST_FRAME=1 LEIDRAAD_TIMING=1 \
    wine cmd /c "$no_display start \"\" /wait /b $(win "$exe") $dossier" \
    >"$out/first-frame.log" 2>&1 || fail "the window ended with an error: $(cat "$out/first-frame.log")"
wineserver -w
cat "$out/first-frame.log"
grep -q "eerste frame getoond" "$out/first-frame.log" || fail "no first frame reported"
echo "first frame and exit after $(($(date +%s) - start)) s"
# The settings are in %APPDATA%, the recent list with a plain path (not
# the \\?\ form of a canonical Windows path).
settings=$(find "$WINEPREFIX/drive_c/users" -path '*AppData/Roaming/VNG/leidraad/*' -name instellingen.ron | head -n 1)
[ -n "$settings" ] || fail "no settings in %APPDATA%\\VNG\\leidraad"
grep -F 'voorbeelddossier.leidraad' "$settings" || fail "the dossier is not in the recent list"
if grep -qF '\\\\?\\' "$settings"; then fail "a \\?\ path in the recent list"; fi

# Again, left open for a screenshot, then ended.
wine cmd /c "$no_display $(win "$exe") $dossier" >"$out/window.log" 2>&1 &
window_pid=$!
for _ in $(seq 1 60); do
    sleep 1
    if xwininfo_out=$(xwininfo -root -tree 2>/dev/null) && grep -qi 'leidraad' <<<"$xwininfo_out"; then
        break
    fi
done
grep -i 'leidraad' <<<"$xwininfo_out" || fail "no leidraad window after 60 s: $(cat "$out/window.log")"
sleep 3
import -window root "$out/window.png"
# The lock: while the window has the dossier open, a command that would
# change it is refused; after the window's process is killed (a crash),
# the operating system has released the lock and the command goes ahead.
printf 'application,region,assessor,round,criterion,value,motivation\r\nA99,Regio Proefdorp,Smoke Test,1,KO1,voldaan,Rookproef.\r\n' \
    >"$out/one-more.csv"
if wine "$exe" import-csv --into "$dossier" "$(win "$out/one-more.csv")" 2>"$out/locked.log"; then
    fail "import-csv changed the dossier the window has open"
fi
cat "$out/locked.log"
grep -q "is open elsewhere (process" "$out/locked.log" || fail "the refusal does not say who has it open"
wineserver -k || true
wait "$window_pid" || true
wine "$exe" import-csv --into "$dossier" "$(win "$out/one-more.csv")" ||
    fail "the lock of the killed window still holds"
# CI keeps only the log: describe the screenshot there.
identify -format 'screenshot %f: %wx%h, %k colours, mean %[fx:mean], standard deviation %[fx:standard_deviation]\n' "$out/window.png"
colours=$(identify -format '%k' "$out/window.png")
[ "$colours" -gt 50 ] || fail "the screenshot has only $colours colours: no window content"

# The installer: built from this build, installed silently into the
# prefix, the program run from Program Files, the association of
# .leidraad used as a double click uses it, then uninstalled.
timed "windows: installer (scripts/package.sh windows)" \
    env LEIDRAAD_WINDOWS_PROFILE="$profile" scripts/package.sh windows
setup=$(find "$target_dir/package" -maxdepth 1 -name 'leidraad-*-setup.exe' | head -n 1)
[ -n "$setup" ] || fail "no installer in $target_dir/package"
echo "installer $(basename "$setup"): $(stat -c %s "$setup") bytes"
timed "windows: silent install" wine "$setup" /S
wineserver -w
program="$WINEPREFIX/drive_c/Program Files/leidraad"
ls -l "$program"
for f in leidraad.exe leidraad.ico uninstall.exe; do
    [ -f "$program/$f" ] || fail "the installer put no $f into Program Files"
done
[ -f "$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/leidraad.lnk" ] ||
    fail "no start-menu entry"
reg_value() { wine reg query "$1" /ve 2>/dev/null | tr -d '\r' | sed -n 's/.*REG_SZ[[:space:]]*//p'; }
association=$(reg_value 'HKLM\Software\Classes\.leidraad')
command=$(reg_value 'HKLM\Software\Classes\leidraad.dossier\shell\open\command')
echo ".leidraad -> $association; open: $command"
[ "$association" = "leidraad.dossier" ] || fail ".leidraad is not associated"
[ "$command" = '"C:\Program Files\leidraad\leidraad.exe" "%1"' ] || fail "the open command is '$command'"
installed=$(wine "C:\\Program Files\\leidraad\\leidraad.exe" --version)
[ "$installed" = "$expected" ] || fail "the installed program says '$installed'"
# A double click: the shell opens the dossier through the association.
# The program records it in its recent list when it opened it (the list
# of the window runs above is removed first).
find "$WINEPREFIX/drive_c/users" -name instellingen.ron -delete
LEIDRAAD_EXIT_AFTER_FIRST_FRAME=1 wine cmd /c "$no_display start \"\" /wait \"$dossier\"" \
    >"$out/association.log" 2>&1 || true
wineserver -w
settings=$(find "$WINEPREFIX/drive_c/users" -name instellingen.ron | head -n 1)
[ -n "$settings" ] && grep -q "voorbeelddossier.leidraad" "$settings" ||
    fail "opening the .leidraad file did not open it in leidraad ($(cat "$out/association.log"))"
echo "the association opened the dossier (recent list in $settings)"
timed "windows: silent uninstall" wine "$program/uninstall.exe" /S
wineserver -w
sleep 2
[ ! -e "$program/leidraad.exe" ] || fail "the uninstaller left leidraad.exe"
[ -z "$(reg_value 'HKLM\Software\Classes\leidraad.dossier\shell\open\command')" ] ||
    fail "the uninstaller left the association"
echo "uninstalled: Program Files and the association are gone"
echo "windows-smoke: passed (artifacts in $out)"
