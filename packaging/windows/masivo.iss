; Inno Setup 6.3+ script: Masivo-Setup-<version>.exe, a per-user install that needs no administrator.
; python packaging/build.py runs it as:
;   iscc /DAppVersion=<app.__version__> /DSourceDir=<dist>\Masivo /DOutputDir=<dist> packaging\windows\masivo.iss
; The journal, settings and logs live in %LOCALAPPDATA%\Masivo, outside {app}: uninstalling keeps them.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (python packaging/build.py does this)
#endif
#ifndef SourceDir
  #define SourceDir AddBackslash(SourcePath) + "..\..\dist\Masivo"
#endif
#ifndef OutputDir
  #define OutputDir AddBackslash(SourcePath) + "..\..\dist"
#endif
#define IconFile AddBackslash(SourcePath) + "masivo.ico"

[Setup]
AppId={{8F5332D9-546C-4ADE-BE78-03B4F616DD83}
AppName=Masivo
AppVersion={#AppVersion}
AppVerName=Masivo {#AppVersion}
AppPublisher=Masivo
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Masivo
VersionInfoDescription=Instalador de Masivo
; Per-user: {autopf} is %LOCALAPPDATA%\Programs when the installer runs without elevation.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Masivo
DisableProgramGroupPage=yes
DisableDirPage=auto
OutputDir={#OutputDir}
OutputBaseFilename=Masivo-Setup-{#AppVersion}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\Masivo.exe
UninstallDisplayName=Masivo
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version may drop files: clear the old bundle's libraries so none are left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Masivo"; Filename: "{app}\Masivo.exe"
Name: "{autodesktop}\Masivo"; Filename: "{app}\Masivo.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Masivo.exe"; Description: "{cm:LaunchProgram,Masivo}"; Flags: nowait postinstall skipifsilent
