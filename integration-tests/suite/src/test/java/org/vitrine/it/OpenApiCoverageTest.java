package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * without its description fails here, and so does a description of an endpoint that is gone. Each operation's
 * {@code x-vitrine-access} says what its method declares ({@code @PermitAll} is {@code public},
 * {@code @RolesAllowed("admin")} is {@code admin}): {@link AuthorizationTest} then proves the running platform
 * enforces what the description says.
 */
class OpenApiCoverageTest {

    private static final Path ROOT = Path.of(System.getProperty("vitrine.source.root", "../..")).toAbsolutePath().normalize();
    static final Path DESCRIPTION = ROOT.resolve("platform/core/src/main/resources/org/vitrine/core/openapi/openapi.json");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Pattern PATH = Pattern.compile("^@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern ROLES = Pattern.compile("^@RolesAllowed\\(\\{?\"([^\"]*)\"\\}?\\)");
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
    void every_operation_says_who_may_call_it_as_its_resource_method_declares() throws Exception {
        Map<String, String> inCode = accessInCode();
        Map<String, String> described = accessDescribed();
        assertEquals(new TreeMap<>(inCode), new TreeMap<>(described),
                "x-vitrine-access in " + DESCRIPTION.getFileName() + " against @PermitAll/@RolesAllowed/@DenyAll on the methods");
        assertTrue(Set.of("public", "user", "moderator", "admin").containsAll(described.values()), described.toString());
    }

    @Test
    void the_scan_reads_the_access_each_method_declares() {
        List<String> source = List.of(
                "@Path(\"admin/things\")", "@RolesAllowed(\"moderator\")", "public class Sample {",
                "    @RolesAllowed(\"admin\")", "    @GET", "    public View list() {",
                "    @PermitAll", "    @POST", "    @Path(\"{id}\")", "    public View post() {",
                "    @DELETE", "    @Path(\"{id}\")", "    public View fromTheClass() {", "}");
        assertEquals(Map.of("GET /api/admin/things", "admin", "POST /api/admin/things/{id}", "public",
                "DELETE /api/admin/things/{id}", "moderator"), accessOf(source));
        assertEquals(Map.of("GET /api/open", "undeclared"),
                accessOf(List.of("@Path(\"open\")", "class Open {", "    @GET", "    public View get() {", "}")));
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
        return new TreeSet<>(accessInCode().keySet());
    }

    /** Who may call each resource method of the sources: "METHOD /api/path" to public, user, moderator, admin, nobody or undeclared. */
    static Map<String, String> accessInCode() throws IOException {
        Map<String, String> operations = new TreeMap<>();
        for (String tree : List.of("platform", "bundles")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(tree))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")).toList()) {
                    operations.putAll(accessOf(Files.readAllLines(file)));
                }
            }
        }
        return operations;
    }

    static List<String> operationsOf(List<String> lines) {
        return new ArrayList<>(accessOf(lines).keySet());
    }

    /**
     * The operations of one source file with the access each method declares, or else its class declares.
     */
    static Map<String, String> accessOf(List<String> lines) {
        Map<String, String> operations = new LinkedHashMap<>();
        String classPath = null;
        String pendingPath = null;
        String pendingMethod = null;
        String pendingAccess = null;
        String classAccess = null;
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
                Matcher roles = ROLES.matcher(line);
                if (roles.find()) {
                    pendingAccess = roles.group(1);
                } else if (name.equals("PermitAll")) {
                    pendingAccess = "public";
                } else if (name.equals("DenyAll")) {
                    pendingAccess = "nobody";
                }
                continue;
            }
            if (classPath == null && line.matches(".*\\bclass\\s+\\w+.*")) {
                if (pendingPath == null) {
                    return operations;
                }
                classPath = pendingPath;
                classAccess = pendingAccess;
            } else if (pendingMethod != null) {
                operations.put(pendingMethod + " " + join(classPath, pendingPath), pendingAccess != null ? pendingAccess
                        : classAccess != null ? classAccess : "undeclared");
            } else if (pendingPath != null) {
                throw new IllegalStateException("a @Path method without an HTTP method (sub-resource locator) at: " + line);
            }
            pendingPath = null;
            pendingMethod = null;
            pendingAccess = null;
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

    /** "METHOD /api/path" to the {@code x-vitrine-access} the description gives it ("missing" when it gives none). */
    static Map<String, String> accessDescribed() throws IOException {
        JsonNode paths = VitrineInstance.JSON.readTree(DESCRIPTION.toFile()).path("paths");
        Map<String, String> access = new TreeMap<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String method = operation.getKey().toUpperCase();
            if (HTTP_METHODS.contains(method)) {
                access.put(method + " " + path.getKey(), operation.getValue().path("x-vitrine-access").asText("missing"));
            }
        }));
        return access;
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
