; Inno Setup script: installs the PyInstaller one-folder app (dist\deskmate) on Windows.
;
;   pip install -e ".[package]"
;   pyinstaller --noconfirm packaging\pyinstaller\deskmate.spec        -> dist\deskmate\deskmate.exe
;   iscc /DAppVersion=0.1.0 packaging\windows\deskmate.iss             -> dist\Deskmate-0.1.0-setup.exe
;
; The language model is not inside: on first start the app asks for a GGUF file (README "Packaging").
; "Start on login" writes the same Run value as the app's `start_on_login` setting
; (assistant/autostart.py): HKCU\Software\Microsoft\Windows\CurrentVersion\Run\Deskmate.
; Uninstalling keeps the user's data (%LOCALAPPDATA%\deskmate) unless the user ticks "yes".

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Deskmate"
#define AppExe "deskmate.exe"
#define RunKey "Software\Microsoft\Windows\CurrentVersion\Run"

[Setup]
AppId={{6C1F3E2A-7B4D-4E59-9A3C-D35C0E8B7F21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The Deskmate developers
AppPublisherURL=https://github.com/deskmate/deskmate
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Deskmate-{#AppVersion}-setup
SetupIconFile=..\icons\deskmate.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "startonlogin"; Description: "Start {#AppName} when I log in"; GroupDescription: "Options:"; Flags: unchecked

[Files]
Source: "..\..\dist\deskmate\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "gui"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "gui"; Tasks: desktopicon

[Registry]
; the same value assistant/autostart.py writes: "<exe>" gui
Root: HKCU; Subkey: "{#RunKey}"; ValueType: string; ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"" gui"; Tasks: startonlogin; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "gui"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function DataDir(): String;
begin
  { platformdirs.user_data_dir("deskmate", appauthor=False) on Windows }
  Result := ExpandConstant('{localappdata}\deskmate');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
  begin
    { the app may have turned "start on login" on by itself: never leave a dangling Run value }
    RegDeleteValue(HKEY_CURRENT_USER, '{#RunKey}', '{#AppName}');
    { user data stays unless the user explicitly asks (default button: No; silent: keep) }
    if DirExists(DataDir()) and (not UninstallSilent()) then
      if MsgBox('Also delete your Deskmate data (history, settings, added models) in ' + DataDir() + '?'
                + #13#10#13#10 + 'Choose No to keep it for a later install.',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir(), True, True, True);
  end;
end;
