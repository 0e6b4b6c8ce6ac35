@echo off
rem bedsim launcher for Windows: builds the self-contained jar when it is missing, then runs it.
rem   bedsim run scenarios\examples\single-hospital.yaml
rem   bedsim serve
rem   bedsim sweep sweeps\single-hospital.yaml   (Apache Spark, embedded: the sweep module's jar, built on first use)
rem Needs only Java 17+: Maven is used if installed, otherwise the Maven wrapper (mvnw.cmd) fetches it.
rem Exit codes: those of bedsim (0 success, 1 internal error, 2 bad input), and 3 when Java is missing or too old.
rem After changing the sources, rebuild with: mvnw.cmd -B -q -DskipTests -pl web -am package
rem (for sweep: mvnw.cmd -B -q -DskipTests -pl sweep -am package)
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%web\target\bedsim.jar"

set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -version >nul 2>&1
if errorlevel 1 (
  echo bedsim: Java 17 or newer is needed, and no java was found ^(JAVA_HOME is not set and java is not on the PATH^). 1>&2
  echo bedsim: install a Java 17+ runtime, for example Eclipse Temurin 17 from https://adoptium.net 1>&2
  exit /b 3
)

if /i "%~1"=="sweep" goto sweep

if not exist "%JAR%" (
  echo bedsim: building the jar ^(-B -q -DskipTests -pl web -am package^)... 1>&2
  call :maven web
  if not exist "%JAR%" (
    echo bedsim: the build failed ^(see above^) 1>&2
    exit /b 1
  )
)

rem the console's width, so that tables fit it: COLUMNS if set, else the Columns line of "mode con" (its fifth)
set "COLS=%COLUMNS%"
if not defined COLS for /f "tokens=3 delims=:" %%c in ('mode con 2^>nul ^| findstr /n ":" ^| findstr /b "5:"') do set /a COLS=%%c 2>nul
set "WIDTH="
if defined COLS set "WIDTH=-Dbedsim.columns=%COLS%"

rem the jar's entry class runs on old Javas too, and says which Java is needed (exit code 3)
"%JAVA%" %WIDTH% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:sweep
rem bedsim sweep runs on Apache Spark, which only the sweep module carries (never web\target\bedsim.jar):
rem sweep\target\bedsim-sweep.jar (bedsim without Spark, the jar spark-submit takes), which loads Spark's jars from
rem the local Maven repository as sweep\target\spark-classpath.txt lists them (too long for a Windows command line),
rem with the JVM options Java 17 needs for Spark (sweep\target\jvm-options.txt, read by java as an argument file),
rem all written by the build
set "SWEEP_JAR=%ROOT%sweep\target\bedsim-sweep.jar"
set "SPARK_CP=%ROOT%sweep\target\spark-classpath.txt"
set "JVM_OPTIONS=%ROOT%sweep\target\jvm-options.txt"
set "BUILD="
if not exist "%SWEEP_JAR%" set "BUILD=1"
if not exist "%SPARK_CP%" set "BUILD=1"
if not exist "%JVM_OPTIONS%" set "BUILD=1"
if defined BUILD (
  echo bedsim: building the sweep jar ^(-B -q -DskipTests -pl sweep -am package; the first time, Maven downloads Apache Spark, about 200 MB^)... 1>&2
  call :maven sweep
  if not exist "%SWEEP_JAR%" (
    echo bedsim: the build failed ^(see above^) 1>&2
    exit /b 1
  )
)
rem embedded (local) Spark: this machine's loopback, unless the user says otherwise
if not defined SPARK_LOCAL_IP set "SPARK_LOCAL_IP=127.0.0.1"
"%JAVA%" @"%JVM_OPTIONS%" -jar "%SWEEP_JAR%" %*
exit /b %ERRORLEVEL%

:maven
where mvn >nul 2>&1
if errorlevel 1 (
  call "%ROOT%mvnw.cmd" -f "%ROOT%pom.xml" -B -q -DskipTests -pl %1 -am package
) else (
  call mvn -f "%ROOT%pom.xml" -B -q -DskipTests -pl %1 -am package
)
exit /b 0
