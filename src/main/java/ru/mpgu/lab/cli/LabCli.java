package ru.mpgu.lab.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point {@code lab}. A new subcommand is one more class in {@code subcommands}. */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "lab 1.0.0",
        description = "Инструменты лабораторной «Нагрузка и масштабирование Django-приложения».",
        subcommands = {
                LoadCommand.class,
                GradeCommand.class,
                ManifestCommand.class,
                CheckCommand.class,
                VariantCommand.class,
                RosterCommand.class,
        })
public class LabCli implements Runnable {

    /** Teacher-only commands, added when present: the student template ships without them (TemplateExporter.TEACHER_ONLY). */
    public static final List<String> TEACHER_COMMANDS = List.of(
            "ru.mpgu.lab.cli.BatchCommand", "ru.mpgu.lab.cli.TemplateCommand", "ru.mpgu.lab.cli.DemoCommand");

    /** Exit code for wrong arguments (picocli's usual one). */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine newCommandLine() {
        CommandLine cmd = new CommandLine(new LabCli());
        for (String name : TEACHER_COMMANDS) {
            try {
                cmd.addSubcommand(Class.forName(name).getDeclaredConstructor().newInstance());
            } catch (ClassNotFoundException e) {
                // the student template: this command is not shipped
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(name, e);
            }
        }
        cmd.setResourceBundle(new HelpTexts());
        cmd.setParameterExceptionHandler(LabCli::handleParameterError);
        return cmd;
    }

    /** Russian message, a pointer to --help, exit code 2. */
    private static int handleParameterError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("Ошибка: " + russian(ex));
        err.println("Справка: " + cmd.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return EXIT_USAGE;
    }

    private static String russian(ParameterException ex) {
        if (ex.getCause() instanceof IllegalArgumentException converter && converter.getClass() == IllegalArgumentException.class) {
            return converter.getMessage(); // our converters' own Russian text, without picocli's English wrapper
        }
        if (ex.getClass() == ParameterException.class) {
            return ex.getMessage();
        }
        if (ex instanceof MissingParameterException missing) {
            return "не указан обязательный параметр: " + missing.getMissing().stream()
                    .map(a -> a.paramLabel()).toList() + ". Справка: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            return "неизвестный параметр: " + String.join(" ", unmatched.getUnmatched())
                    + ". Проверьте написание.";
        }
        return "неверные параметры (" + ex.getMessage() + ").";
    }
}
