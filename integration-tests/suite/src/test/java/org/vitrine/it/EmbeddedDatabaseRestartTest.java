package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The embedded database killed with SIGKILL under light traffic: the launcher starts it again by itself, health goes
 * DOWN with the reason and UP again, nothing committed is lost; a database that keeps dying stops Vitrine with a
 * clear message and a non-zero exit code. One installation, allowed two restarts, serves both tests in order.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseRestartTest {

    private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(15);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static VitrineInstance vitrine;
    private static final List<Long> acknowledged = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.freshEmbedded("db-restart").logDatabaseMessages()
                .setting("platform.properties", "rate.contact.ip", "100000/1h")
                .env("VITRINE_DB_EMBEDDED_RESTART_MAX", "2")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    @Order(1)
    void a_killed_database_is_restarted_health_says_so_and_nothing_committed_is_lost() throws Exception {
        for (int i = 0; i < 3; i++) {
            acknowledged.add(contact("before the kill " + i));
        }
        long server = vitrine.embeddedDatabasePid();

        // light traffic meets the dead database: each request gets an answer, a 503 while it is down
        AtomicBoolean traffic = new AtomicBoolean(true);
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        Queue<Long> writtenMeanwhile = new ConcurrentLinkedQueue<>();
        ExecutorService visitors = Executors.newFixedThreadPool(2);
        visitors.execute(() -> {
            while (traffic.get()) {
                try {
                    int status = send(catalog()).statusCode();
                    if (status != 200 && status != 503) {
                        wrong.add("catalog answered " + status);
                    }
                    Thread.sleep(50);
                } catch (Throwable e) {
                    wrong.add("catalog: " + e);
                }
            }
        });
        visitors.execute(() -> {
            int n = 0;
            while (traffic.get()) {
                try {
                    HttpResponse<String> sent = send(contactRequest("during the outage " + n++));
                    if (sent.statusCode() == 201) {
                        writtenMeanwhile.add(VitrineInstance.JSON.readTree(sent.body()).path("id").asLong());
                    } else if (sent.statusCode() != 503) {
                        wrong.add("contact answered " + sent.statusCode() + " " + sent.body());
                    }
                    Thread.sleep(100);
                } catch (Throwable e) {
                    wrong.add("contact: " + e);
                }
            }
        });
        Thread.sleep(500);
        kill(server);
        // DOWN at once (the pool's connections broke), and within seconds with the reason
        JsonNode down = awaitHealth("DOWN while the database is being restarted", Duration.ofSeconds(20),
                (status, health) -> status == 503 && databaseCheck(health).contains("stopped unexpectedly"));
        assertEquals("DOWN", down.path("status").asText(), down.toString());
        assertTrue(databaseCheck(down).contains("is being restarted (restart 1 of at most 2 within 10 min)"), down.toString());

        JsonNode up = awaitHealth("UP again", Duration.ofSeconds(60), (status, health) -> status == 200);
        assertEquals("UP", up.path("status").asText(), up.toString());
        assertTrue(databaseCheck(up).contains("was restarted at"), "health says it was restarted: " + up);
        assertTrue(vitrine.console().contains("crash recovery"), "InnoDB recovered: " + vitrine.console());
        traffic.set(false);
        visitors.shutdown();
        assertTrue(visitors.awaitTermination(60, TimeUnit.SECONDS));
        assertEquals(List.of(), List.copyOf(wrong), "every request got an answer: a page, or 503 while the database was down");

        assertNotEquals(server, vitrine.embeddedDatabasePid(), "a new server process");
        acknowledged.addAll(writtenMeanwhile);
        acknowledged.add(contact("after the restart"));
        assertAllStored();
        assertTrue(vitrine.console().contains("The embedded database stopped unexpectedly"), vitrine.console());
    }

    @Test
    @Order(2)
    void a_database_that_keeps_dying_stops_vitrine_with_the_reason_and_a_non_zero_exit_code() throws Exception {
        // the second restart of the two allowed
        kill(vitrine.embeddedDatabasePid());
        VitrineInstance.await("the second restart", Duration.ofSeconds(60), () -> {
            try {
                return databaseCheck(VitrineInstance.JSON.readTree(vitrine.get("/api/health").body())).contains("(2 restart(s)");
            } catch (Exception e) {
                return false;
            }
        });
        acknowledged.add(contact("after the second restart"));

        // the third death within the window is one too many
        kill(vitrine.embeddedDatabasePid());
        int code = vitrine.awaitExit(Duration.ofSeconds(90));
        assertNotEquals(0, code, "a non-zero exit code");
        String console = vitrine.console();
        assertTrue(console.contains("Vitrine stops: The embedded database stopped unexpectedly 3 time(s) within 10 min, more than the "
                + "2 restart(s) allowed (db.embedded.restart.max)"), console);
        assertTrue(console.indexOf("Vitrine stopped") > console.indexOf("Vitrine stops:"), "then it stopped in order: " + console);
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                .map(cmd -> cmd.contains("mariadbd") && cmd.contains(vitrine.home.toString())).orElse(false)), "no server left behind");

        // the data is intact at the next start
        vitrine.start();
        assertAllStored();
    }

    private static void assertAllStored() throws Exception {
        try (Connection db = vitrine.database(); Statement s = db.createStatement()) {
            for (long id : acknowledged) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM contact_requests WHERE id = " + id)) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "the acknowledged contact request " + id + " is stored");
                }
            }
        }
    }

    private static long contact(String message) throws Exception {
        HttpResponse<String> sent = send(contactRequest(message));
        assertEquals(201, sent.statusCode(), sent.body());
        return VitrineInstance.JSON.readTree(sent.body()).path("id").asLong();
    }

    private static JsonNode awaitHealth(String what, Duration timeout, BiPredicate<Integer, JsonNode> condition) throws Exception {
        JsonNode[] seen = new JsonNode[1];
        VitrineInstance.await("health " + what, timeout, () -> {
            try {
                HttpResponse<String> health = send(HttpRequest.newBuilder(vitrine.uri("/api/health")).GET());
                seen[0] = VitrineInstance.JSON.readTree(health.body());
                return condition.test(health.statusCode(), seen[0]);
            } catch (Exception e) {
                return false;
            }
        });
        return seen[0];
    }

    private static String databaseCheck(JsonNode health) {
        for (JsonNode check : health.path("checks")) {
            if (check.path("id").asText().equals("database")) {
                return check.path("detail").asText();
            }
        }
        return "";
    }

    private static HttpRequest.Builder catalog() {
        return HttpRequest.newBuilder(vitrine.uri("/api/documents")).GET();
    }

    private static HttpRequest.Builder contactRequest(String message) throws Exception {
        return HttpRequest.newBuilder(vitrine.uri("/api/contact")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VitrineInstance.JSON.writeValueAsString(
                        Map.of("name", "Ada", "email", "ada@example.org", "message", message, "type", "question")), StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(ANSWER_DEADLINE).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void kill(long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(pid)).redirectErrorStream(true).start();
        assertEquals(0, kill.waitFor(), new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
