package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAPI description ({@code platform/core/.../openapi/openapi.json}) lists exactly the operations the code
 * has: every REST resource method in {@code platform/} and {@code bundles/} (read from the sources: the class's
 * {@code @Path}, the method's {@code @Path} and HTTP method annotation), and nothing more. A new endpoint
 * without its description fails here, and so does a description of an endpoint that is gone.
 */
class OpenApiCoverageTest {

    private static final Path ROOT = Path.of(System.getProperty("vitrine.source.root", "../..")).toAbsolutePath().normalize();
    static final Path DESCRIPTION = ROOT.resolve("platform/core/src/main/resources/org/vitrine/core/openapi/openapi.json");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Pattern PATH = Pattern.compile("^@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{\\s*(\\w+)\\s*:[^}]*}");

    @Test
    void every_resource_method_in_the_code_is_described_and_nothing_else() throws Exception {
        Set<String> inCode = operationsInCode();
        Set<String> described = operationsDescribed();
        assertTrue(inCode.size() >= 30, "the scan finds the resources under " + ROOT + ": " + inCode);
        Set<String> undescribed = new TreeSet<>(inCode);
        undescribed.removeAll(described);
        Set<String> gone = new TreeSet<>(described);
        gone.removeAll(inCode);
        assertEquals(Set.of(), undescribed, "operations in the code that " + DESCRIPTION.getFileName() + " does not describe");
        assertEquals(Set.of(), gone, "operations described that no resource has");
    }

    @Test
    void the_scan_reads_class_and_method_paths_as_jakarta_rest_does() {
        List<String> source = List.of(
                "@Component", "@JakartarsResource", "@Path(\"documents/{id}\")", "public class Sample {",
                "    /** Reads it. */", "    @GET", "    @Produces(MediaType.APPLICATION_JSON)", "    public View get(@PathParam(\"id\") String id) {",
                "    @PUT", "    @Path(\"licence/{kind: [a-z]+}\")", "    public View put() {",
                "    private void helper() {", "}");
        assertEquals(List.of("GET /api/documents/{id}", "PUT /api/documents/{id}/licence/{kind}"), operationsOf(source));
    }

    /** "METHOD /api/path" for every resource method of the sources. */
    static Set<String> operationsInCode() throws IOException {
        Set<String> operations = new TreeSet<>();
        for (String tree : List.of("platform", "bundles")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(tree))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")).toList()) {
                    operations.addAll(operationsOf(Files.readAllLines(file)));
                }
            }
        }
        return operations;
    }

    static List<String> operationsOf(List<String> lines) {
        List<String> operations = new ArrayList<>();
        String classPath = null;
        String pendingPath = null;
        String pendingMethod = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("/*") || line.startsWith("*") || line.startsWith("//")) {
                continue;
            }
            if (line.startsWith("@")) {
                Matcher path = PATH.matcher(line);
                if (path.find()) {
                    pendingPath = path.group(1);
                }
                String name = line.substring(1).split("[(\\s]")[0];
                if (HTTP_METHODS.contains(name)) {
                    pendingMethod = name;
                }
                continue;
            }
            if (classPath == null && line.matches(".*\\bclass\\s+\\w+.*")) {
                if (pendingPath == null) {
                    return operations;
                }
                classPath = pendingPath;
            } else if (pendingMethod != null) {
                operations.add(pendingMethod + " " + join(classPath, pendingPath));
            } else if (pendingPath != null) {
                throw new IllegalStateException("a @Path method without an HTTP method (sub-resource locator) at: " + line);
            }
            pendingPath = null;
            pendingMethod = null;
        }
        return operations;
    }

    private static String join(String classPath, String methodPath) {
        StringBuilder path = new StringBuilder("/api");
        for (String part : new String[] {classPath, methodPath}) {
            if (part != null && !part.isBlank()) {
                path.append('/').append(part.replaceAll("^/+|/+$", ""));
            }
        }
        return TEMPLATE_REGEX.matcher(path.toString().replaceAll("/+$", "")).replaceAll("{$1}");
    }

    static Set<String> operationsDescribed() throws IOException {
        JsonNode paths = VitrineInstance.JSON.readTree(DESCRIPTION.toFile()).path("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            for (Iterator<String> methods = paths.path(path).fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                if (HTTP_METHODS.contains(method)) {
                    operations.add(method + " " + path);
                }
            }
        }
        return operations;
    }
}
