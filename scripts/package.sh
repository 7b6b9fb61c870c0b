#!/usr/bin/env bash
# Build the packages of leidraad into target/package/ (or
# $CARGO_TARGET_DIR/package/), each with the stripped binary:
#   leidraad-VERSION-setup.exe  the Windows installer (NSIS, scripts/windows/leidraad.nsi)
#   leidraad_VERSION_amd64.deb  the Debian/Ubuntu package (dpkg-deb)
# Usage: scripts/package.sh [windows|deb]...   (default: both)
#
# Needs: for Windows the rustup target x86_64-pc-windows-gnu,
# gcc-mingw-w64-x86-64 and nsis (makensis); for the .deb dpkg-deb (always
# on Debian). The icons are the committed files of assets/icon (made from
# the SVG by scripts/icons.sh); nothing of tests/ goes into a package.
#
# Environment: LEIDRAAD_PACKAGE_PROFILE (default release; CI passes its
# faster profiles: the packages are then for testing, not for release),
# LEIDRAAD_WINDOWS_PROFILE (default: LEIDRAAD_PACKAGE_PROFILE).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
target_dir=${CARGO_TARGET_DIR:-$root/target}
profile=${LEIDRAAD_PACKAGE_PROFILE:-release}
windows_profile=${LEIDRAAD_WINDOWS_PROFILE:-$profile}
out=$target_dir/package
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
[ -n "$version" ] || { echo "package.sh: no version in Cargo.toml" >&2; exit 1; }
# shellcheck source=scripts/timed.sh
source "$root/scripts/timed.sh"

# The folder of a profile's build ("dev" builds into debug/).
profile_dir() { if [ "$1" = dev ]; then echo debug; else echo "$1"; fi; }

what=("$@")
[ ${#what[@]} -gt 0 ] || what=(windows deb)
mkdir -p "$out"

windows() {
    local triple=x86_64-pc-windows-gnu stage=$out/windows
    timed "package: windows build ($windows_profile)" \
        cargo build --locked --profile "$windows_profile" --target "$triple" --bin leidraad
    rm -rf "$stage"
    mkdir -p "$stage"
    x86_64-w64-mingw32-strip -o "$stage/leidraad.exe" "$target_dir/$triple/$(profile_dir "$windows_profile")/leidraad.exe"
    local setup=$out/leidraad-$version-setup.exe
    timed "package: windows installer (makensis)" \
        makensis -V2 -DVERSION="$version" -DEXE="$stage/leidraad.exe" \
        -DICON="$root/assets/icon/leidraad.ico" -DOUTFILE="$setup" scripts/windows/leidraad.nsi
    echo "$setup: $(stat -c %s "$setup") bytes; leidraad.exe stripped: $(stat -c %s "$stage/leidraad.exe") bytes"
}

deb() {
    local stage=$out/deb/root arch
    arch=$(dpkg --print-architecture)
    timed "package: linux build ($profile)" cargo build --locked --profile "$profile" --bin leidraad
    rm -rf "$out/deb"
    mkdir -p "$stage/DEBIAN" "$stage/usr/bin" "$stage/usr/share/applications" \
        "$stage/usr/share/mime/packages" "$stage/usr/share/doc/leidraad" \
        "$stage/usr/share/icons/hicolor/scalable/apps"
    strip -o "$stage/usr/bin/leidraad" "$target_dir/$(profile_dir "$profile")/leidraad"
    install -m 644 assets/linux/nl.vng.leidraad.desktop "$stage/usr/share/applications/"
    install -m 644 assets/linux/leidraad-mime.xml "$stage/usr/share/mime/packages/leidraad.xml"
    install -m 644 assets/icon/leidraad.svg "$stage/usr/share/icons/hicolor/scalable/apps/leidraad.svg"
    local size
    for size in 16 24 32 48 64 128 256; do
        install -D -m 644 "assets/icon/leidraad-$size.png" \
            "$stage/usr/share/icons/hicolor/${size}x$size/apps/leidraad.png"
    done
    cat >"$stage/usr/share/doc/leidraad/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: leidraad
License: EUPL-1.2
Files: *
License: EUPL-1.2
 The European Union Public Licence, version 1.2:
 https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12
COPYRIGHT
    local installed_size glibc
    installed_size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
    # The newest glibc symbol version the binary uses: the oldest libc6 it runs on.
    glibc=$(objdump -T "$stage/usr/bin/leidraad" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1 | cut -d_ -f2)
    [ -n "$glibc" ] || { echo "package.sh: no glibc version found in the binary" >&2; exit 1; }
    # The X11 libraries are loaded at run time (winit), so dpkg-shlibdeps
    # would not see them: named here. File dialogs need the desktop portal
    # or zenity (README).
    cat >"$stage/DEBIAN/control" <<CONTROL
Package: leidraad
Version: $version
Architecture: $arch
Maintainer: leidraad <leidraad@vng.nl>
Installed-Size: $installed_size
Depends: libc6 (>= $glibc), libgcc-s1, libx11-6, libx11-xcb1, libxcursor1, libxrandr2, libxi6, libxkbcommon-x11-0
Recommends: xdg-desktop-portal | zenity
Section: misc
Priority: optional
Homepage: https://vng.nl/
Description: score the regional plans of the proeftuinen against the leidraad
 leidraad is the assessors' program for the plans of the proeftuinen
 (Toekomstscenario kind- en gezinsbescherming, tweede tranche): score a plan
 against the published leidraad in a window, rank the applications, write
 the score sheets as PDF. The command line (leidraad --help) does the same
 in scripts.
 .
 Desktop entry: /usr/share/applications/nl.vng.leidraad.desktop.
 Dossiers (*.leidraad) have the MIME type application/x-leidraad-dossier
 (/usr/share/mime/packages/leidraad.xml) and open in leidraad on a double
 click.
CONTROL
    local deb=$out/leidraad_${version}_$arch.deb
    timed "package: debian package (dpkg-deb)" dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb"
    echo "$deb: $(stat -c %s "$deb") bytes"
}

for w in "${what[@]}"; do
    case $w in
    windows) windows ;;
    deb) deb ;;
    *)
        echo "package.sh: unknown package '$w' (windows, deb)" >&2
        exit 2
        ;;
    esac
done
