; Inno Setup script for Noodpost on Windows (Inno Setup 6.3 or newer).
;
;   iscc /DAppVersion=0.1.0 installer\windows\noodpost.iss
;
; Packs dist\noodpost\ — the PyInstaller one-folder build made on Windows with build.spec,
; holding noodpost.exe (the program, no console window) and noodpost-cli.exe (the same program
; for the command line: status, sync, --selftest …) — into dist\NoodpostSetup-<version>.exe.
; The installer puts it in Program Files\Noodpost, adds a Start-menu entry (and, when chosen, a
; desktop icon) and an uninstaller. The same contents as the Debian package. The build steps
; are in README.md beside this file. Relative paths are relative to this file's folder.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=<__version__ from noodpost\__init__.py> noodpost.iss
#endif

#define AppName "Noodpost"
#define Root "..\.."

[Setup]
; The AppId identifies Noodpost for upgrades and the uninstaller: never change it.
AppId={{B892E379-C05F-45A3-BBF7-659081F0093D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Noodpost
AppComments=Registratie en synchronisatie voor lokale noodsteunpunten
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Administrators install for every user in Program Files; the dialog lets someone without
; administrator rights install for themselves instead.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=NoodpostSetup-{#AppVersion}
SetupIconFile={#Root}\resources\icons\noodpost.ico
UninstallDisplayIcon={app}\noodpost.exe
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Noodpost may be running (a post stays open for days): ask to close it before replacing files.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\noodpost\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\noodpost.exe"; WorkingDir: "{app}"; Comment: "Registratie en synchronisatie voor lokale noodsteunpunten"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\noodpost.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\noodpost.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes what was installed and nothing else: the data folder
; (%LOCALAPPDATA%\noodpost\noodpost, with the database and keys) stays, like a backup would.
