@echo off
rem wijktoets for Windows: runs the tool on Java 17 or newer, from any folder and from an install
rem path with spaces. Java: %JAVA_HOME%\bin\java.exe, else java.exe on PATH. Every argument (%*)
rem and the exit code are passed through unchanged; exit code 3 when there is no usable Java.
rem Extra JVM options: set WIJKTOETS_OPTS (e.g. -Xmx2g). Kept plain: no class-data sharing (so no
rem cache folder to grow) and no compiler flags here (bin/wijktoets has both).
setlocal

set "JAVA_EXE="
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if not defined JAVA_HOME for %%j in (java.exe) do set "JAVA_EXE=%%~$PATH:j"
if not defined JAVA_EXE goto nojava
if not exist "%JAVA_EXE%" goto nojava

rem The version from the line of `java -version` that names it: openjdk version "17.0.15" 2025-04-15
set "JAVA_VERSION="
for /f "tokens=3" %%v in ('call "%JAVA_EXE%" -version 2^>^&1 ^| findstr /i /c:" version "') do (
  set "JAVA_VERSION=%%~v"
  goto version
)
:version
set "MAJOR="
for /f "tokens=1,2 delims=.-+_" %%a in ("%JAVA_VERSION%") do (
  set "MAJOR=%%a"
  if "%%a"=="1" set "MAJOR=%%b"
)
if not defined MAJOR goto run
if %MAJOR% LSS 17 goto oldjava

:run
"%JAVA_EXE%" -XX:+DisplayVMOutputToStderr -Xlog:disable -Xlog:all=warning:stderr %WIJKTOETS_OPTS% -jar "%~dp0..\lib\wijktoets.jar" %*
exit /b %ERRORLEVEL%

:nojava
echo wijktoets: Java is niet gevonden. Installeer Java 17 of nieuwer, of zet JAVA_HOME op een Java-installatie. 1>&2
echo wijktoets: Java was not found. Install Java 17 or newer, or set JAVA_HOME to a Java installation. 1>&2
exit /b 3

:oldjava
echo wijktoets: "%JAVA_EXE%" is Java %JAVA_VERSION%; wijktoets heeft Java 17 of nieuwer nodig. 1>&2
echo wijktoets: "%JAVA_EXE%" is Java %JAVA_VERSION%; wijktoets needs Java 17 or newer. 1>&2
exit /b 3
