@echo off
rem The grader's command line on Windows: bin\lab.cmd load -c30 -t2 -d20s http://localhost:8000/orders
setlocal
set "HERE=%~dp0.."
call "%HERE%\mvnw.cmd" -q -B -f "%HERE%\pom.xml" compile dependency:build-classpath -Dmdep.outputFile="%HERE%\target\lab-classpath.txt" || exit /b 1
if not defined TESTCONTAINERS_RYUK_DISABLED set TESTCONTAINERS_RYUK_DISABLED=true
if not defined TESTCONTAINERS_CHECKS_DISABLE set TESTCONTAINERS_CHECKS_DISABLE=true
if not defined TESTCONTAINERS_HOST_OVERRIDE set TESTCONTAINERS_HOST_OVERRIDE=localhost
set /p LABCP=<"%HERE%\target\lab-classpath.txt"
java -Djava.awt.headless=true -cp "%HERE%\target\classes;%LABCP%" ru.mpgu.lab.cli.LabCli %*
