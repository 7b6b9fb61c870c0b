#!/usr/bin/env bash
# Make the application icon's PNGs and the Windows .ico from its SVG source,
# assets/icon/leidraad.svg. The results are committed (the build embeds
# them: the window icon and, for Windows, the .exe's icon), so run this
# after a change of the SVG, and commit what it writes.
# Needs rsvg-convert (librsvg2-bin) and ImageMagick's convert.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../assets/icon"
sizes=(16 24 32 48 64 128 256)
pngs=()
for s in "${sizes[@]}"; do
    rsvg-convert -w "$s" -h "$s" leidraad.svg -o "leidraad-$s.png"
    pngs+=("leidraad-$s.png")
done
# One .ico with every size: Explorer, the start menu and the taskbar each
# take the one they need.
convert "${pngs[@]}" leidraad.ico
echo "assets/icon: ${pngs[*]} leidraad.ico"
