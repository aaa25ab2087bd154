package org.vitrine.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.vitrine.features.Feature;
import org.vitrine.features.FeatureReader;
import org.vitrine.features.ModuleStateFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code vitrine modules list | enable ID | disable ID}. Against a running instance it uses the admin REST
 * API (with {@code VITRINE_ADMIN_TOKEN}), so the same guardrails apply; when Vitrine is not running it edits
 * {@code config/modules.properties}, which the next start follows.
 */
final class ModulesCommand {

    private final Settings settings;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();

    ModulesCommand(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs the command; returns the process exit code. */
    int run(List<String> args) throws IOException, InterruptedException {
        if (args.isEmpty() || args.get(0).equals("list")) {
            return list();
        }
        if (args.size() == 2 && (args.get(0).equals("enable") || args.get(0).equals("disable"))) {
            return change(args.get(1), args.get(0).equals("enable"));
        }
        out.println("usage: vitrine modules [list | enable ID | disable ID]");
        return 2;
    }

    private int list() throws IOException, InterruptedException {
        Optional<Properties> running = DataDirLock.running(settings.layout().lockFile());
        if (running.isPresent()) {
            HttpResponse<String> response = call(running.get(), "GET", "", null);
            if (response.statusCode() != 200) {
                return fail(response);
            }
            out.printf("%-20s %-9s %-9s %s%n", "MODULE", "STATE", "CATEGORY", "NAME");
            for (JsonNode m : json.readTree(response.body())) {
                out.printf("%-20s %-9s %-9s %s%s%n", m.path("id").asText(), m.path("state").asText(),
                        m.path("category").asText(), m.path("name").asText(),
                        m.hasNonNull("reason") ? "  (" + m.path("reason").asText() + ")" : "");
            }
            return 0;
        }
        ModuleStateFile states = new ModuleStateFile(settings.layout().config());
        Map<String, Boolean> explicit = states.read();
        out.println("Vitrine is not running; states as the next start will apply them:");
        out.printf("%-20s %-9s %-9s %s%n", "MODULE", "STATE", "CATEGORY", "NAME");
        for (Feature f : features().values()) {
            boolean on = f.required() || explicit.getOrDefault(f.moduleId(), f.enabledByDefault());
            out.printf("%-20s %-9s %-9s %s%n", f.moduleId(), on ? "enabled" : "disabled", f.category(), f.name());
        }
        return 0;
    }

    private int change(String id, boolean enable) throws IOException, InterruptedException {
        Optional<Properties> running = DataDirLock.running(settings.layout().lockFile());
        if (running.isPresent()) {
            HttpResponse<String> response = call(running.get(), "PUT", "/" + id, "{\"enabled\":" + enable + "}");
            if (response.statusCode() != 200) {
                return fail(response);
            }
            JsonNode m = json.readTree(response.body());
            out.println(id + ": " + m.path("state").asText()
                    + (m.hasNonNull("reason") ? " (" + m.path("reason").asText() + ")" : ""));
            return m.path("state").asText().equals("failed") ? 1 : 0;
        }
        Map<String, Feature> features = features();
        Feature feature = features.get(id);
        if (feature == null) {
            out.println("There is no module '" + id + "'. Known: " + String.join(", ", features.keySet()));
            return 1;
        }
        if (!enable && (feature.required() || Feature.PLATFORM.equals(id))) {
            out.println("'" + id + "' is required and cannot be disabled.");
            return 1;
        }
        Map<String, Boolean> changes = new LinkedHashMap<>();
        changes.put(id, enable);
        if (enable && feature.exclusiveGroup() != null) {
            features.values().stream()
                    .filter(f -> !f.moduleId().equals(id) && feature.exclusiveGroup().equals(f.exclusiveGroup()))
                    .forEach(f -> changes.put(f.moduleId(), false));
        }
        new ModuleStateFile(settings.layout().config()).write(changes);
        out.println(id + ": " + (enable ? "enabled" : "disabled") + " (applies when Vitrine starts)");
        return 0;
    }

    private Map<String, Feature> features() throws IOException {
        Map<String, Feature> byId = new LinkedHashMap<>();
        new FeatureReader().readAll(settings.layout().features()).forEach(f -> byId.put(f.moduleId(), f));
        return byId;
    }

    private HttpResponse<String> call(Properties running, String method, String path, String body)
            throws IOException, InterruptedException {
        if (settings.adminToken().isEmpty()) {
            throw new IOException("Vitrine is running (" + running.getProperty("url") + "); set VITRINE_ADMIN_TOKEN "
                    + "to the token it was started with so this command may use its admin API.");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.getProperty("url") + "/api/admin/modules" + path))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + settings.adminToken())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int fail(HttpResponse<String> response) throws IOException {
        String detail = response.body();
        try {
            detail = json.readTree(response.body()).path("detail").asText(detail);
        } catch (IOException e) {
            // not a problem body: show it as it is
        }
        out.println("Refused (HTTP " + response.statusCode() + "): " + detail);
        return 1;
    }
}
