package ru.mpgu.lab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code lab} command line in-process, printing into the writers a test reads afterwards. */
final class CliRuns {

    private CliRuns() {
    }

    static int execute(StringWriter out, StringWriter err, String... args) {
        CommandLine cmd = LabCli.newCommandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }
}
