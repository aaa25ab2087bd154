package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starting, stopping, restarting and crashing: nothing is lost and nothing is left behind. */
@Timeout(600)
class LifecycleTest {

    @Test
    void ctrl_c_stops_everything_and_the_next_run_keeps_the_data() throws Exception {
        // the data folder lies under the system temp folder, where the embedded database library would
        // otherwise take it for a throw-away folder and wipe it at every start
        Path data = Files.createTempDirectory("vitrine-it-data-");
        try (VitrineInstance vitrine = VitrineInstance.fresh("lifecycle-restart").env("VITRINE_DATA_DIR", data.toString()).start()) {
            String marker = "restart-" + UUID.randomUUID();
            try (Connection db = vitrine.database();
                 PreparedStatement insert = db.prepareStatement("INSERT INTO audit_events (occurred_at, actor, action, outcome, detail) "
                         + "VALUES (UTC_TIMESTAMP(3), 'test', 'test.marker', 'success', ?)")) {
                insert.setString(1, marker);
                insert.executeUpdate();
            }
            vitrine.stop();
            assertTrue(vitrine.console().contains("Vitrine stopped"), vitrine.console());
            if (!VitrineInstance.externalDatabase()) {
                assertFalse(databaseServerRunsFor(data), "the embedded database stopped with Vitrine");
            }

            vitrine.start();
            try (Connection db = vitrine.database();
                 PreparedStatement select = db.prepareStatement("SELECT COUNT(*) FROM audit_events WHERE detail = ?")) {
                select.setString(1, marker);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "the row written before the restart is still there");
                }
            }
        } finally {
            deleteTree(data);
        }
    }

    @Test
    void a_database_server_left_behind_by_a_killed_run_is_stopped_at_the_next_start() throws Exception {
        assumeFalse(VitrineInstance.externalDatabase(), "only the embedded database can be left behind");
        try (VitrineInstance vitrine = VitrineInstance.fresh("lifecycle-kill").start()) {
            vitrine.kill();
            assertTrue(databaseServerRunsFor(vitrine.home.resolve("data")), "after kill -9 the embedded server is still running");
            vitrine.start();
            assertTrue(vitrine.console().contains("from an earlier run"), vitrine.console());
            assertEquals(200, vitrine.get("/api/health").statusCode());
            vitrine.stop();
            VitrineInstance.await("the database server to stop", Duration.ofSeconds(30),
                    () -> !databaseServerRunsFor(vitrine.home.resolve("data")));
        }
    }

    private static boolean databaseServerRunsFor(Path data) {
        String dataDir = data.resolve("db/data").toString();
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                .map(cmd -> cmd.contains("mariadbd") && cmd.contains(dataDir)).orElse(false));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
