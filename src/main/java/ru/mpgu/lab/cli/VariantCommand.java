package ru.mpgu.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import ru.mpgu.lab.output.ReportWriter;
import ru.mpgu.lab.variant.StudentVariant;

/** {@code lab variant --id ID [--code CODE]}: writes the student's variant into .env, which compose passes to the stand. */
@Command(name = "variant", mixinStandardHelpOptions = true,
        description = {"Записать свой вариант в файл .env: стенд покажет его код на /orders, а размер ответа станет вашим.",
                "Код варианта выдаёт преподаватель (по списку группы); без --code он вычисляется из id."})
public class VariantCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Ваш id из списка группы (номер зачётки или логин).")
    String id;

    @Option(names = "--code", paramLabel = "CODE", description = "Код варианта от преподавателя, например V17-K4QX.")
    String code;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "Каталог работы (по умолчанию текущий).")
    Path repo;

    @Override
    public Integer call() throws IOException {
        if (id.isBlank() || id.strip().contains(" ") || id.contains("=")) {
            throw new ParameterException(spec.commandLine(), "id пишется одним словом без пробелов, например 2023001 или ivanov");
        }
        if (!Files.isDirectory(repo)) {
            throw new ParameterException(spec.commandLine(), "каталог не найден: " + repo.toAbsolutePath());
        }
        StudentVariant v;
        try {
            v = code == null || code.isBlank() ? StudentVariant.forId(id) : StudentVariant.of(id, code);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path env = repo.resolve(StudentVariant.ENV_FILE);
        ReportWriter.writeAtomically(env, withKeys(env, v));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Ваш вариант: " + v.code() + " (id " + v.id() + "). Записано в " + env.toAbsolutePath().normalize() + ".");
        out.println("Перезапустите стенд, чтобы он взял вариант: docker compose up -d. На http://localhost:8000/orders"
                + " появится \"variant\": \"" + v.code() + "\". Файл .env сдаётся вместе с отчётом (git add .env).");
        out.flush();
        return 0;
    }

    /** The file with LAB_STUDENT_ID and LAB_VARIANT set; every other line kept as it was. */
    static String withKeys(Path env, StudentVariant v) throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(env)) {
            for (String line : Files.readAllLines(env, StandardCharsets.UTF_8)) {
                String key = line.strip().split("=", 2)[0].strip();
                if (!key.equals(StudentVariant.ID_KEY) && !key.equals(StudentVariant.CODE_KEY)) {
                    lines.add(line);
                }
            }
        }
        lines.add(StudentVariant.ID_KEY + "=" + v.id());
        lines.add(StudentVariant.CODE_KEY + "=" + v.code());
        return String.join("\n", lines) + "\n";
    }
}
