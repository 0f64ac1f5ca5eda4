package ru.mpgu.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import ru.mpgu.lab.template.TemplateExporter;

/** {@code lab template --out DIR}: exports the student template (no answer key) as a fresh git repository. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = {"Выгрузить шаблон для студентов: стенд, задания, шаблон отчёта, открытые критерии и самопроверку,",
                "без ключа ответов (без руководства преподавателя, эталонных работ и понятий ответов).",
                "Результат - новый репозиторий git с одним коммитом."})
public class TemplateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kit", paramLabel = "DIR", defaultValue = ".", description = "Комплект преподавателя (по умолчанию текущий каталог).")
    Path kit;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Новая или пустая папка для шаблона.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        List<String> files;
        try {
            files = new TemplateExporter(kit, m -> console.println("[lab] " + m)).export(out);
        } catch (TemplateExporter.TemplateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        console.println("Шаблон: " + out.toAbsolutePath().normalize() + ", файлов " + files.size());
        console.flush();
        return 0;
    }
}
