package org.vitrine.launcher;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code vitrine admin create EMAIL [--name NAME]}: creates an admin account with a password typed at the
 * prompt (twice) or read from standard input, through the running Vitrine's admin API, so the same password
 * rules apply. There is never a default password.
 */
final class AdminCommand {

    private final Settings settings;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();

    AdminCommand(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    int run(List<String> args) throws IOException, InterruptedException {
        if (args.size() < 2 || !args.get(0).equals("create") || (args.size() != 2 && args.size() != 4)
                || (args.size() == 4 && !args.get(2).equals("--name"))) {
            out.println("usage: vitrine admin create EMAIL [--name DISPLAY-NAME]   (the password is asked for, or read from stdin)");
            return 2;
        }
        Optional<Properties> running = DataDirLock.running(settings.layout().lockFile());
        if (running.isEmpty()) {
            out.println("Vitrine is not running: start it (vitrine run) with VITRINE_ADMIN_TOKEN set, then run this again.");
            return 1;
        }
        if (settings.adminToken().isEmpty()) {
            out.println("Set VITRINE_ADMIN_TOKEN to the token Vitrine was started with.");
            return 1;
        }
        String password = readPassword();
        if (password == null) {
            return 1;
        }
        String body = json.writeValueAsString(Map.of("email", args.get(1), "password", password,
                "displayName", args.size() == 4 ? args.get(3) : "", "roles", List.of("admin")));
        HttpRequest request = HttpRequest.newBuilder(URI.create(running.get().getProperty("url") + "/api/admin/accounts"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + settings.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body().isEmpty() ? "{}" : response.body());
        if (response.statusCode() == 201) {
            out.println("Admin account " + answer.path("email").asText() + " created (id " + answer.path("id").asText() + ").");
            return 0;
        }
        out.println("Refused (HTTP " + response.statusCode() + "): " + answer.path("detail").asText(response.body()));
        return 1;
    }

    private String readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password for the new admin: ");
            char[] again = console.readPassword("The same password again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                out.println("The passwords differ; nothing was created.");
                return null;
            }
            return new String(first);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            out.println("No password on standard input; nothing was created.");
            return null;
        }
        return line;
    }
}
