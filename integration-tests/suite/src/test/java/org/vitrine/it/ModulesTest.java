package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Switching modules while the platform runs, with the test plugin ({@code echo}, serving {@code /api/echo})
 * dropped into {@code deploy/}: through the REST API, the CLI and hand edits, with settings delivered live.
 */
@Timeout(600)
class ModulesTest {

    private static VitrineInstance vitrine;
    private static Path deployed;
    private static Path echoSettings;
    private static Path stateFile;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isRegularFile(VitrineInstance.ECHO_JAR), "test plugin not built: " + VitrineInstance.ECHO_JAR);
        vitrine = VitrineInstance.fresh("modules").start();
        deployed = vitrine.home.resolve("deploy/echo-plugin.jar");
        echoSettings = vitrine.home.resolve("config/echo.properties");
        stateFile = vitrine.home.resolve("config/modules.properties");
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    /** Every test starts with the plugin deployed, enabled, with its default settings. */
    @BeforeEach
    void echoIsDeployedAndEnabled() throws Exception {
        Files.deleteIfExists(echoSettings);
        if (!Files.exists(deployed)) {
            Files.copy(VitrineInstance.ECHO_JAR, deployed, StandardCopyOption.REPLACE_EXISTING);
        }
        JsonNode echo = awaitModule("echo");
        if (!echo.path("state").asText().equals("enabled")) {
            assertEquals(200, vitrine.putAsAdmin("/api/admin/modules/echo", "{\"enabled\": true}").statusCode());
        }
        awaitEcho(200, "hello");
    }

    @Test
    void a_plugin_dropped_into_deploy_becomes_a_module_that_serves_and_leaves_when_removed() throws Exception {
        JsonNode echo = vitrine.module("echo");
        assertEquals("Echo (test plugin)", echo.path("name").asText());
        assertEquals("plugin", echo.path("category").asText());
        assertEquals("deploy", echo.path("source").asText());
        assertEquals("hello", vitrine.get("/api/echo").body());

        Files.delete(deployed);
        VitrineInstance.await("echo to leave the module list", Duration.ofSeconds(10), () -> call(() -> vitrine.module("echo") == null));
        awaitEcho(404, null);
        assertEquals(200, vitrine.get("/api/health").statusCode());
    }

    @Test
    void disabling_removes_its_endpoints_while_other_endpoints_keep_answering() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                HttpRequest health = HttpRequest.newBuilder(vitrine.uri("/api/health")).timeout(Duration.ofSeconds(30)).build();
                while (running.get()) {
                    try {
                        HttpResponse<String> r = client.send(health, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            synchronized (failures) {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        synchronized (failures) {
                            failures.add(e.toString());
                        }
                    }
                }
            });
            t.start();
            load.add(t);
        }
        List<Long> offMillis = new ArrayList<>();
        List<Long> onMillis = new ArrayList<>();
        try {
            for (int round = 0; round < 5; round++) {
                long begin = System.nanoTime();
                HttpResponse<String> off = vitrine.putAsAdmin("/api/admin/modules/echo", "{\"enabled\": false}");
                assertEquals(200, off.statusCode(), off.body());
                assertEquals("disabled", VitrineInstance.JSON.readTree(off.body()).path("state").asText());
                awaitEcho(404, null);
                offMillis.add((System.nanoTime() - begin) / 1_000_000);

                begin = System.nanoTime();
                HttpResponse<String> on = vitrine.putAsAdmin("/api/admin/modules/echo", "{\"enabled\": true}");
                assertEquals(200, on.statusCode(), on.body());
                assertEquals("enabled", VitrineInstance.JSON.readTree(on.body()).path("state").asText());
                awaitEcho(200, "hello");
                onMillis.add((System.nanoTime() - begin) / 1_000_000);
            }
        } finally {
            running.set(false);
            for (Thread t : load) {
                t.join();
            }
        }
        System.out.printf("module switch under load: off %s ms, on %s ms, %d health requests, %d failed%n",
                offMillis, onMillis, ok.get(), failed.get());
        assertTrue(ok.get() > 0, "the load ran");
        assertEquals(List.of(), failures, "requests to other endpoints failed while switching");
    }

    @Test
    void a_hand_edit_of_the_state_file_is_followed_and_survives_a_restart() throws Exception {
        VitrineInstance.write(stateFile, "echo = disabled\n");
        awaitEcho(404, null);
        assertEquals("disabled", vitrine.module("echo").path("state").asText());

        vitrine.stop();
        vitrine.start();
        assertEquals("disabled", awaitModule("echo").path("state").asText(), "the state survives a restart");
        assertEquals(404, vitrine.get("/api/echo").statusCode());

        VitrineInstance.write(stateFile, "echo = enabled\n");
        awaitEcho(200, "hello");
    }

    @Test
    void the_command_line_switches_modules_of_the_running_platform() throws Exception {
        VitrineInstance.CommandResult off = vitrine.command("modules", "disable", "echo");
        assertEquals(0, off.exitCode(), off.output());
        assertTrue(off.output().contains("echo: disabled"), off.output());
        assertEquals(404, vitrine.get("/api/echo").statusCode());
        assertTrue(Files.readString(stateFile).contains("echo = disabled"), "the CLI goes through the one state file");

        VitrineInstance.CommandResult list = vitrine.command("modules", "list");
        assertEquals(0, list.exitCode(), list.output());
        assertTrue(list.output().lines().anyMatch(l -> l.startsWith("echo") && l.contains("disabled")), list.output());
        assertTrue(list.output().lines().anyMatch(l -> l.startsWith("store-mariadb") && l.contains("enabled")), list.output());

        VitrineInstance.CommandResult refused = vitrine.command("modules", "disable", "store-mariadb");
        assertEquals(1, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("409") && refused.output().contains("required"), refused.output());

        VitrineInstance.CommandResult on = vitrine.command("modules", "enable", "echo");
        assertEquals(0, on.exitCode(), on.output());
        awaitEcho(200, "hello");
    }

    @Test
    void a_settings_edit_reaches_the_module_without_a_restart() throws Exception {
        long pid = vitrine.pid();
        VitrineInstance.write(echoSettings, "greeting = Bonjour depuis la configuration\n");
        awaitEcho(200, "Bonjour depuis la configuration");
        VitrineInstance.write(echoSettings, "greeting = Hallo\n");
        awaitEcho(200, "Hallo");
        assertEquals(pid, vitrine.pid(), "same process: no restart");
    }

    @Test
    void unusable_settings_fail_the_module_and_degrade_health_without_taking_the_platform_down() throws Exception {
        VitrineInstance.write(echoSettings, "greeting = ${env:VITRINE_IT_NOT_SET_ANYWHERE}\n");
        VitrineInstance.await("echo to fail", Duration.ofSeconds(10),
                () -> call(() -> "failed".equals(vitrine.module("echo").path("state").asText())));
        JsonNode echo = vitrine.module("echo");
        String reason = echo.path("reason").asText();
        assertTrue(reason.contains("echo.properties") && reason.contains("greeting"), reason);
        HttpResponse<String> health = vitrine.get("/api/health");
        assertEquals(200, health.statusCode());
        assertEquals("DEGRADED", VitrineInstance.JSON.readTree(health.body()).path("status").asText(), health.body());

        Files.delete(echoSettings);
        VitrineInstance.await("echo to recover", Duration.ofSeconds(10),
                () -> call(() -> "enabled".equals(vitrine.module("echo").path("state").asText())));
        assertNull(vitrine.module("echo").get("reason"));
        assertEquals("UP", VitrineInstance.JSON.readTree(vitrine.get("/api/health").body()).path("status").asText());
    }

    @Test
    void a_value_of_the_wrong_type_fails_the_module_keeps_the_last_good_settings_and_a_fix_recovers_it() throws Exception {
        long pid = vitrine.pid();
        try {
            VitrineInstance.write(echoSettings, "greeting = Hallo\nrepeat = 2\n");
            awaitEcho(200, "Hallo Hallo");

            VitrineInstance.write(echoSettings, "greeting = Hey\nrepeat = twice\n");
            VitrineInstance.await("echo to fail", Duration.ofSeconds(10),
                    () -> call(() -> "failed".equals(vitrine.module("echo").path("state").asText())));
            String reason = vitrine.module("echo").path("reason").asText();
            assertTrue(reason.contains("echo.properties: key 'repeat': 'twice' is not a whole number"), reason);
            assertEquals("Hallo Hallo", vitrine.get("/api/echo").body(),
                    "nothing of the bad file is delivered: the plugin keeps its last good settings");

            VitrineInstance.write(echoSettings, "greeting = Hey\nrepeat = 3\n");
            VitrineInstance.await("echo to recover", Duration.ofSeconds(10),
                    () -> call(() -> "enabled".equals(vitrine.module("echo").path("state").asText())));
            assertNull(vitrine.module("echo").get("reason"));
            awaitEcho(200, "Hey Hey Hey");
            assertEquals(pid, vitrine.pid(), "same process: no restart");
        } finally {
            Files.deleteIfExists(echoSettings);
        }
        awaitEcho(200, "hello");
    }

    private static JsonNode awaitModule(String id) throws InterruptedException {
        VitrineInstance.await("module " + id + " to be listed", Duration.ofSeconds(15), () -> call(() -> vitrine.module(id) != null));
        return call(() -> vitrine.module(id));
    }

    private static void awaitEcho(int status, String body) throws InterruptedException {
        VitrineInstance.await("GET /api/echo to answer " + status + (body == null ? "" : " " + body), Duration.ofSeconds(15),
                () -> call(() -> {
                    HttpResponse<String> r = vitrine.get("/api/echo");
                    return r.statusCode() == status && (body == null || body.equals(r.body()));
                }));
    }

    interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
