package ru.mpgu.lab.rubric.params;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Binds a check's params node to its record strictly: no unknown keys, no "30" for a number, no 2.5 for an integer. */
public final class ParamBinder {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** One problem with a parameter: its key (empty for the params node itself) and a Russian explanation. */
    public record Problem(String key, String message) {
    }

    private ParamBinder() {
    }

    public static <T extends Record> T bind(JsonNode params, Class<T> type) {
        try {
            return STRICT.treeToValue(params, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Empty when {@code params} binds to {@code type}; else what is wrong, in Russian. */
    public static Optional<Problem> check(JsonNode params, Class<? extends Record> type) {
        try {
            STRICT.treeToValue(params, type);
            return Optional.empty();
        } catch (UnrecognizedPropertyException e) {
            return Optional.of(new Problem(e.getPropertyName(), "неизвестный параметр «" + e.getPropertyName() + "»; допустимы: "
                    + String.join(", ", keys(type))));
        } catch (JsonMappingException e) {
            String key = e.getPath().isEmpty() ? "" : String.valueOf(e.getPath().get(0).getFieldName());
            return Optional.of(new Problem(key, "параметр «" + key + "» должен быть " + expected(type, key)
                    + ", а не «" + params.path(key).toString().replace("\"", "") + "»"));
        } catch (Exception e) {
            return Optional.of(new Problem("", "параметры не читаются: " + e.getMessage()));
        }
    }

    static List<String> keys(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> snake(c.getName())).sorted().toList();
    }

    private static String expected(Class<? extends Record> type, String key) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (snake(c.getName()).equals(key)) {
                Class<?> t = c.getType();
                return t == Integer.class ? "целым числом" : t == Double.class ? "числом" : t == Boolean.class ? "true или false" : t == List.class ? "списком"
                        : "строкой";
            }
        }
        return "другого типа";
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
