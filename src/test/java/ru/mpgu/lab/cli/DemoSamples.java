package ru.mpgu.lab.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import ru.mpgu.lab.testing.FakeLabServer;

/**
 * Not a test: runs {@code lab demo} against the in-process fake (scaled through --no-scale's manual step) so a
 * person can look at the terminal output and the charts. Args: output dir (default /tmp/demo-samples),
 * then any extra demo options, e.g. --step 2s.
 */
public final class DemoSamples {

    private DemoSamples() {
    }

    public static void main(String[] args) throws Exception {
        String dir = args.length > 0 ? args[0] : "/tmp/demo-samples";
        try (FakeLabServer server = new FakeLabServer(1, 8)) {
            CommandLine cmd = LabCli.newCommandLine();
            DemoCommand demo = (DemoCommand) cmd.getSubcommands().get("demo").getCommand();
            demo.manualScaling = server::scaleWeb;
            cmd.setOut(new PrintWriter(System.out, true));
            String[] base = {"demo", "--url", server.url("/orders"), "--no-scale", "--out", dir};
            String[] all = new String[base.length + Math.max(0, args.length - 1)];
            System.arraycopy(base, 0, all, 0, base.length);
            if (args.length > 1) {
                System.arraycopy(args, 1, all, base.length, args.length - 1);
            }
            int code = cmd.execute(all);
            System.out.println("exit code " + code);
        }
    }
}
