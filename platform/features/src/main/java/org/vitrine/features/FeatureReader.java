package org.vitrine.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads OSGi Feature JSON files (feature-resource-version 1.0) with Vitrine's {@code vitrine} extension. */
public final class FeatureReader {

    private static final Pattern MODULE_ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private final ObjectMapper json = new ObjectMapper();

    /** Every {@code *.json} feature in the folder, sorted by module id. */
    public List<Feature> readAll(Path folder) throws IOException {
        List<Feature> features = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return features;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                features.add(read(file));
            }
        }
        features.sort((a, b) -> a.moduleId().compareTo(b.moduleId()));
        return features;
    }

    /** Reads one file; the message of any failure names the file and the offending field. */
    public Feature read(Path file) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private Feature parse(JsonNode root) {
        JsonNode meta = root.path("extensions").path("vitrine").path("json");
        String moduleId = text(meta, "module", null);
        if (moduleId == null || !MODULE_ID.matcher(moduleId).matches()) {
            throw new IllegalArgumentException("extensions.vitrine.json.module must be a lowercase id like 'store-mariadb'");
        }
        String id = text(root, "id", null);
        if (id == null) {
            throw new IllegalArgumentException("'id' (groupId:artifactId:version) is missing");
        }
        String[] idParts = id.split(":");
        List<FeatureBundle> bundles = new ArrayList<>();
        for (JsonNode bundle : root.path("bundles")) {
            String bundleId = bundle.isTextual() ? bundle.asText() : text(bundle, "id", "");
            bundles.add(FeatureBundle.parse(bundleId, bundle.path("start-order").asInt(0)));
        }
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        root.path("configurations").fields().forEachRemaining(e -> configurations.put(e.getKey(), properties(e.getValue())));
        return new Feature(moduleId,
                text(root, "name", moduleId),
                text(root, "description", ""),
                idParts[idParts.length - 1],
                text(meta, "category", "plugin"),
                meta.path("required").asBoolean(false),
                text(meta, "exclusiveGroup", null),
                meta.path("enabledByDefault").asBoolean(true),
                text(meta, "configPid", null),
                text(meta, "configFile", moduleId),
                bundles,
                configurations);
    }

    private Map<String, Object> properties(JsonNode node) {
        Map<String, Object> props = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            Object value = v.isBoolean() ? (Object) v.asBoolean() : v.isIntegralNumber() ? (Object) v.asLong()
                    : v.isNumber() ? (Object) v.asDouble() : v.asText();
            props.put(e.getKey(), value);
        });
        return props;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
