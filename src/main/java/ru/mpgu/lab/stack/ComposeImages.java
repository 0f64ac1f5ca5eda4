package ru.mpgu.lab.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads image references out of `docker compose config --format json`. */
final class ComposeImages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ComposeImages() {
    }

    /** Images compose would have to pull: services with an image and no build section. */
    static List<String> notBuiltHere(String configJson) {
        List<String> images = new ArrayList<>();
        try {
            JsonNode services = JSON.readTree(configJson).path("services");
            services.fields().forEachRemaining(e -> {
                JsonNode svc = e.getValue();
                boolean inactiveProfile = svc.has("profiles") && svc.path("profiles").size() > 0;
                if (!svc.has("build") && svc.hasNonNull("image") && !inactiveProfile) {
                    images.add(svc.get("image").asText());
                }
            });
        } catch (Exception e) {
            // An unreadable config was already reported by validateComposeFile.
        }
        return images;
    }
}
