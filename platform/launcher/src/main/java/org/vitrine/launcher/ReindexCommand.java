package org.vitrine.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code vitrine reindex}: rebuilds the search index from the database. With Vitrine running, through its admin API
 * (searches go to the database until the index is ready), printing the progress until it is done; with Vitrine
 * stopped, by removing {@code data/index}, which the next start rebuilds in the background.
 */
final class ReindexCommand {

    private final Settings settings;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    ReindexCommand(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    int run(List<String> args) throws IOException, InterruptedException {
        if (!args.isEmpty()) {
            out.println("usage: vitrine reindex");
            return 2;
        }
        Optional<Properties> running = DataDirLock.running(settings.layout().lockFile());
        if (running.isEmpty()) {
            return removeIndex(settings.layout().data().resolve("index"));
        }
        if (settings.adminToken().isEmpty()) {
            out.println("Set VITRINE_ADMIN_TOKEN to the token Vitrine was started with.");
            return 1;
        }
        String api = running.get().getProperty("url") + "/api/admin/search";
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(api + "/reindex"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (started.statusCode() != 202) {
            out.println("Refused (HTTP " + started.statusCode() + "): " + detail(started));
            return 1;
        }
        out.println(json.readTree(started.body()).path("started").asBoolean()
                ? "Rebuilding the search index; searches use the database until it is ready."
                : "A rebuild was already running; following it.");
        while (true) {
            Thread.sleep(1_000);
            HttpResponse<String> status = send(HttpRequest.newBuilder(URI.create(api)).GET());
            if (status.statusCode() != 200) {
                out.println("Cannot read the progress (HTTP " + status.statusCode() + "): " + detail(status));
                return 1;
            }
            JsonNode s = json.readTree(status.body());
            switch (s.path("state").asText()) {
                case "rebuilding" -> out.println("  " + s.path("indexed").asLong() + " of " + s.path("toIndex").asLong() + " documents");
                case "ready" -> {
                    out.println("The search index is ready: " + s.path("indexed").asLong() + " documents.");
                    return 0;
                }
                default -> {
                    out.println("The rebuild stopped: " + s.path("reason").asText("see the log"));
                    return 1;
                }
            }
        }
    }

    private int removeIndex(Path index) throws IOException {
        if (Files.isDirectory(index)) {
            try (Stream<Path> files = Files.walk(index)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        out.println("Vitrine is not running: the search index was removed, and the next start rebuilds it in the "
                + "background (searches use the database until it is ready).");
        return 0;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + settings.adminToken()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String detail(HttpResponse<String> response) {
        try {
            return json.readTree(response.body()).path("detail").asText(response.body());
        } catch (IOException e) {
            return response.body();
        }
    }
}
