package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Starting, stopping, restarting and crashing: nothing is lost and nothing is left behind; the embedded database
 * admits Vitrine's own account and nobody else.
 */
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
        // only the embedded database can be left behind
        try (VitrineInstance vitrine = VitrineInstance.freshEmbedded("lifecycle-kill").start()) {
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

    @Test
    void the_embedded_database_admits_only_vitrine_s_own_account_with_its_generated_password() throws Exception {
        try (VitrineInstance vitrine = VitrineInstance.freshEmbedded("lifecycle-grants").start()) {
            String server = "jdbc:mariadb://127.0.0.1:" + vitrine.dbPort + "/";
            assertRefused(server, "root", "");
            assertRefused(server, "", "");
            assertRefused(server + "vitrine", "vitrine", "");
            assertRefused(server, "mysql", "");
            Path credentials = vitrine.embeddedDbCredentials();
            assertEquals("rw-------", permissions(credentials), "the password file is its owner's alone");
            assertEquals("rwx------", permissions(vitrine.home.resolve("data/db/run")), "the server's socket folder too");
            try (Stream<Path> run = Files.list(vitrine.home.resolve("data/db/run"))) {
                assertEquals(List.of("mariadb.sock"), run.map(p -> p.getFileName().toString()).toList(),
                        "the start-up statements are gone once the server is up");
            }
            String marker = "grants-" + UUID.randomUUID();
            try (Connection db = vitrine.database(); Statement s = db.createStatement()) {
                s.executeUpdate("INSERT INTO audit_events (occurred_at, actor, action, outcome, detail) "
                        + "VALUES (UTC_TIMESTAMP(3), 'test', 'test.marker', 'success', '" + marker + "')");
                assertEquals(List.of("information_schema", "vitrine"), column(s, "SHOW DATABASES"), "its own database only");
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT user FROM mysql.global_priv"),
                        "no right on the server's accounts");
            }

            // a lost password file: the next start gives the account a new password and the data stays
            String lost = password(credentials);
            vitrine.stop();
            Files.delete(credentials);
            vitrine.start();
            assertTrue(vitrine.console().contains("a new password is generated"), vitrine.console());
            assertNotEquals(lost, password(credentials));
            assertRefused(server + "vitrine", "vitrine", lost);
            try (Connection db = vitrine.database(); Statement s = db.createStatement()) {
                assertEquals(List.of("1"), column(s, "SELECT COUNT(*) FROM audit_events WHERE detail = '" + marker + "'"));
            }
        }
    }

    private static void assertRefused(String url, String user, String password) {
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, password).close(),
                "'" + user + "' with password '" + password + "' must be refused");
        assertTrue(refused.getMessage().contains("Access denied"), refused.getMessage());
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String password(Path credentials) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(credentials)) {
            p.load(in);
        }
        return p.getProperty("password");
    }

    private static List<String> column(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
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
