package ru.mpgu.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import ru.mpgu.lab.output.ReportWriter;
import ru.mpgu.lab.variant.Roster;

/** {@code lab roster --roster class.csv}: the variant code of every student, to hand out before the lab. */
@Command(name = "roster", mixinStandardHelpOptions = true,
        description = {"Выдать варианты по списку группы (CSV: id, ФИО, группа, e-mail; из Excel тоже).",
                "Варианты назначаются по порядку строк: дописанные в конец студенты ничьих вариантов не меняют."})
public class RosterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--roster", required = true, paramLabel = "FILE", description = "Список группы, CSV.")
    Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "Записать список с кодами вариантов (CSV для Excel).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "файл списка группы не найден: " + file.toAbsolutePath());
        }
        Roster roster;
        try {
            roster = Roster.read(file);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter pw = spec.commandLine().getOut();
        StringBuilder csv = new StringBuilder("\uFEFFid;ФИО;группа;e-mail;вариант;команда для студента\r\n");
        for (Roster.Entry e : roster.entries()) {
            String command = "bin/lab variant --id " + e.id() + " --code " + e.variant().code();
            pw.printf("%-10s %-14s %-30s %s%n", e.variant().code(), e.id(), e.name(), e.group());
            csv.append(String.join(";", e.id(), e.name(), e.group(), e.email(), e.variant().code(), command)).append("\r\n");
        }
        roster.warnings().forEach(w -> pw.println("Внимание: " + w));
        if (out != null) {
            ReportWriter.writeAtomically(out, csv.toString());
            pw.println("Записано: " + out.toAbsolutePath().normalize() + " (студентов: " + roster.entries().size() + ")");
        }
        pw.flush();
        return 0;
    }
}
