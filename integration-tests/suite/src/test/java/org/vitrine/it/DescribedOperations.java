package org.vitrine.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operations an OpenAPI description lists, with who may call each ({@code x-vitrine-access}), ready to be
 * called: path variables filled in and a plausible JSON body built from the request schema. Whatever a later
 * change adds to the description is picked up here without editing a test.
 */
final class DescribedOperations {

    /** The ranks of {@code x-vitrine-access}: a caller of rank r may call operations of rank ≤ r. */
    static final List<String> ACCESS = List.of("public", "user", "moderator", "admin");
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    private DescribedOperations() {
    }

    /**
     * One operation.
     *
     * @param access the description's {@code x-vitrine-access}, or {@code missing}
     */
    record Operation(String method, String template, String access, JsonNode definition, JsonNode pathItem) {

        /** The rank of {@link #access} in {@link #ACCESS}, -1 when it is missing or unknown. */
        int rank() {
            return ACCESS.indexOf(access);
        }

        /** The path with each variable filled by the function (name, template), or else by the parameter's first example value. */
        String path(BiFunction<String, String, String> known) {
            Matcher variable = VARIABLE.matcher(template);
            StringBuilder path = new StringBuilder();
            while (variable.find()) {
                String name = variable.group(1);
                String value = known.apply(name, template);
                variable.appendReplacement(path, Matcher.quoteReplacement(value != null ? value : example(name)));
            }
            return variable.appendTail(path).toString();
        }

        private String example(String name) {
            for (JsonNode parameters : List.of(definition.path("parameters"), pathItem.path("parameters"))) {
                for (JsonNode parameter : parameters) {
                    if (name.equals(parameter.path("name").asText()) && "path".equals(parameter.path("in").asText())) {
                        JsonNode schema = parameter.path("schema");
                        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
                            return schema.path("enum").get(0).asText();
                        }
                        if (schema.has("example")) {
                            return schema.path("example").asText();
                        }
                    }
                }
            }
            return "1";
        }

        @Override
        public String toString() {
            return method + " " + template + " [" + access + "]";
        }
    }

    /** Every operation of the description, in its order. */
    static List<Operation> of(JsonNode description) {
        List<Operation> operations = new ArrayList<>();
        description.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        op.getValue().path("x-vitrine-access").asText("missing"), op.getValue(), path.getValue()));
            }
        }));
        return operations;
    }

    /**
     * A JSON body for the operation, as an attacker would send it ({@code roles} asks for admin, {@code enabled} is
     * false), or null when it takes none.
     */
    static Object body(JsonNode description, Operation operation) {
        JsonNode schema = operation.definition().path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : sample(description, schema, null, 0);
    }

    private static Object sample(JsonNode description, JsonNode schema, String name, int depth) {
        JsonNode resolved = resolve(description, schema);
        if ("roles".equals(name)) {
            return List.of("admin", "user");
        }
        if (resolved.has("example")) {
            return VitrineInstance.JSON.convertValue(resolved.path("example"), Object.class);
        }
        if (resolved.path("enum").isArray() && !resolved.path("enum").isEmpty()) {
            return VitrineInstance.JSON.convertValue(resolved.path("enum").get(0), Object.class);
        }
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth < 4) {
                    resolved.path("properties").fields().forEachRemaining(p ->
                            object.put(p.getKey(), sample(description, p.getValue(), p.getKey(), depth + 1)));
                }
                yield object;
            }
            case "array" -> depth < 4 ? List.of(sample(description, resolved.path("items"), null, depth + 1)) : List.of();
            case "boolean" -> false;
            case "integer", "number" -> 1;
            default -> "x";
        };
    }

    private static JsonNode resolve(JsonNode description, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return schema;
        }
        JsonNode target = description;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
