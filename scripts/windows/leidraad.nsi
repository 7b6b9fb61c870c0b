; The Windows installer of leidraad (NSIS 3, built on Linux with Debian's
; makensis by scripts/package.sh, which defines VERSION, EXE, ICON and
; OUTFILE). For all users, into Program Files: the program, a start-menu
; entry, the file association of .leidraad dossiers (and "Open with" for
; .ron), an entry in Apps & features, and an uninstaller.

; A 64-bit installer for the 64-bit program (it also runs under a wine
; without 32-bit support, as in CI).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!include "MUI2.nsh"
!include "x64.nsh"

!define APP "leidraad"
!define PROGID "leidraad.dossier"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\leidraad"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} installatie"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "EUPL-1.2"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Dutch"

Function .onInit
    ${IfNot} ${RunningX64}
        MessageBox MB_ICONSTOP "leidraad werkt alleen op 64-bits Windows."
        Abort
    ${EndIf}
    SetRegView 64
    SetShellVarContext all
FunctionEnd

Function un.onInit
    SetRegView 64
    SetShellVarContext all
FunctionEnd

Section "leidraad"
    SetOutPath "$INSTDIR"
    File "/oname=leidraad.exe" "${EXE}"
    File "/oname=leidraad.ico" "${ICON}"
    WriteUninstaller "$INSTDIR\uninstall.exe"

    CreateShortcut "$SMPROGRAMS\leidraad.lnk" "$INSTDIR\leidraad.exe" "" "$INSTDIR\leidraad.exe" 0

    ; .leidraad opens in leidraad (a double click passes the file: leidraad FILE).
    WriteRegStr HKLM "Software\Classes\.leidraad" "" "${PROGID}"
    WriteRegStr HKLM "Software\Classes\.leidraad" "Content Type" "application/x-leidraad-dossier"
    WriteRegStr HKLM "Software\Classes\${PROGID}" "" "leidraad-dossier"
    WriteRegStr HKLM "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\leidraad.exe,0"
    WriteRegStr HKLM "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\leidraad.exe" "%1"'
    ; .ron is not ours to take: offered under "Open with" only.
    WriteRegStr HKLM "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""

    WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "leidraad"
    WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\leidraad.exe,0"
    WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "VNG"
    WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1

    ; SHCNE_ASSOCCHANGED: Explorer shows the new icon and association at once.
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
    Delete "$SMPROGRAMS\leidraad.lnk"
    Delete "$INSTDIR\leidraad.exe"
    Delete "$INSTDIR\leidraad.ico"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"

    ; The association only while it is still ours.
    ReadRegStr $0 HKLM "Software\Classes\.leidraad" ""
    ${If} $0 == "${PROGID}"
        DeleteRegKey HKLM "Software\Classes\.leidraad"
    ${EndIf}
    DeleteRegKey HKLM "Software\Classes\${PROGID}"
    DeleteRegValue HKLM "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
    DeleteRegKey HKLM "${UNINSTALL_KEY}"

    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
    ; The users' dossiers and settings (%APPDATA%\VNG\leidraad) stay.
SectionEnd
