package ru.mpgu.lab.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines of `docker stats` output pasted into a report (the default table or a --format table with NAME and
 * CPU %): the db container's CPU % (100 % = one core, as docker prints it) and how many web replicas show.
 */
record DockerStatsLines(OptionalDouble dbCpuPercent, int webLines) {

    private static final Pattern NAME = Pattern.compile("(?:^|[-_])(db|web)(?:[-_.]\\d+)?$");
    private static final Pattern PERCENT = Pattern.compile("^(\\d+(?:[.,]\\d+)?)%$");

    static DockerStatsLines parse(String text) {
        OptionalDouble db = OptionalDouble.empty();
        int web = 0;
        for (String line : text.split("\n")) {
            String[] tokens = line.trim().split("\\s+");
            for (int i = 0; i < tokens.length; i++) {
                Matcher name = NAME.matcher(tokens[i]);
                if (!name.find()) {
                    continue;
                }
                OptionalDouble cpu = OptionalDouble.empty();
                for (int j = i + 1; j < tokens.length; j++) {
                    Matcher p = PERCENT.matcher(tokens[j]);
                    if (p.matches()) {
                        cpu = OptionalDouble.of(Double.parseDouble(p.group(1).replace(',', '.')));
                        break;
                    }
                }
                if (cpu.isPresent()) {
                    if (name.group(1).equals("db")) {
                        db = db.isPresent() ? db : cpu;
                    } else {
                        web++;
                    }
                }
                break;
            }
        }
        return new DockerStatsLines(db, web);
    }

    /** services.db.deploy.resources.limits.cpus of the repository's compose file, if it can be read. */
    static Optional<Double> dbCpuLimit(Path repo) {
        try {
            JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(repo.resolve("docker-compose.yml")));
            JsonNode cpus = compose.path("services").path("db").path("deploy").path("resources").path("limits").path("cpus");
            if (cpus.isMissingNode() || cpus.isNull()) {
                return Optional.empty();
            }
            double value = Double.parseDouble(cpus.asText().trim());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
