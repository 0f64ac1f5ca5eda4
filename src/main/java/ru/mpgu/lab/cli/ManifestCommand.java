package ru.mpgu.lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import ru.mpgu.lab.integrity.IntegrityManifest;
import ru.mpgu.lab.output.ReportWriter;

/** {@code lab manifest}: writes integrity-manifest.json (sha256 of the template's grader, rubric and stack files). */
@Command(name = "manifest", mixinStandardHelpOptions = true,
        description = {"Записать integrity-manifest.json: хэши файлов шаблона (тесты, pom.xml, rubric.yaml, стенд).",
                "Запускайте после каждого изменения этих файлов в шаблоне."})
public class ManifestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "Каталог шаблона (по умолчанию текущий).")
    Path repo;

    @Option(names = "--out", paramLabel = "FILE", description = "Куда записать (по умолчанию <repo>/integrity-manifest.json).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(repo)) {
            throw new ParameterException(spec.commandLine(), "каталог не найден: " + repo.toAbsolutePath());
        }
        IntegrityManifest manifest = IntegrityManifest.generate(repo);
        Path target = out != null ? out : repo.resolve(IntegrityManifest.FILE_NAME);
        ReportWriter.writeAtomically(target, manifest.toJson());
        spec.commandLine().getOut().println("Записано " + target.toAbsolutePath().normalize() + ": файлов "
                + manifest.files().size());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
