package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * After a full round of account life (registration, refused and accepted passwords, failed and successful
 * sign-ins, a password change, two-factor enrolment, sign-in with a code and with a recovery code, an admin
 * created on the command line), no password, TOTP secret or recovery code is to be found in any table of
 * the database, in the log files or on the console.
 */
@Timeout(300)
class SecretsAtRestTest {

    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "json");
    private static VitrineInstance vitrine;
    /** Everything that must never be stored or logged, as sent or shown. */
    private static final Set<String> secrets = new LinkedHashSet<>();

    @BeforeAll
    static void liveThroughEveryAccountSecret() throws Exception {
        vitrine = VitrineInstance.fresh("secrets").generousSignInLimits().start();
        String email = Browser.newEmail("keeper");
        String first = secret("first");
        String second = secret("second");
        String refused = "1qaz2wsx3edc";
        String wrong = secret("wrong");
        String adminPassword = secret("admin");
        secrets.addAll(List.of(first, second, refused, wrong, adminPassword));

        Browser browser = new Browser(vitrine);
        assertEquals(400, browser.register(email, refused, "Keeper").status());
        assertEquals(200, browser.registerAndSignIn(email, first, "Keeper").status());
        assertEquals(401, new Browser(vitrine).signIn(email, wrong).status());
        assertEquals(400, browser.post("/api/me/password", body("currentPassword", first, "newPassword", refused)).status());
        assertEquals(403, browser.post("/api/me/password", body("currentPassword", wrong, "newPassword", second)).status());
        assertEquals(200, browser.post("/api/me/password", body("currentPassword", first, "newPassword", second)).status());

        String base32 = browser.post("/api/me/2fa", null).json().path("secret").asText();
        AuthenticatorApp app = new AuthenticatorApp(base32);
        secrets.add(base32);
        secrets.add(HexFormat.of().formatHex(app.secret()));
        secrets.add(Base64.getEncoder().encodeToString(app.secret()));
        Browser.Reply confirmed = browser.post("/api/me/2fa/confirm", body("code", app.currentCode()));
        assertEquals(200, confirmed.status(), confirmed.toString());
        List<String> recoveryCodes = new ArrayList<>();
        confirmed.json().path("recoveryCodes").forEach(c -> recoveryCodes.add(c.asText()));
        assertEquals(10, recoveryCodes.size());
        for (String code : recoveryCodes) {
            secrets.add(code);
            secrets.add(code.replace("-", ""));
        }
        assertEquals(200, new Browser(vitrine).post("/api/auth/password/login",
                body("email", email, "password", second, "totp", app.nextCode())).status());
        assertEquals(200, new Browser(vitrine).post("/api/auth/password/login",
                body("email", email, "password", second, "recoveryCode", recoveryCodes.get(0))).status());
        assertEquals(401, new Browser(vitrine).post("/api/auth/password/login",
                body("email", email, "password", second, "recoveryCode", recoveryCodes.get(0))).status());

        VitrineInstance.CommandResult admin = vitrine.commandWithInput(adminPassword + "\n", "admin", "create",
                Browser.newEmail("keeper-admin"));
        assertEquals(0, admin.exitCode(), admin.output());
        VitrineInstance.CommandResult weakAdmin = vitrine.commandWithInput(refused + "\n", "admin", "create",
                Browser.newEmail("weak-admin"));
        assertFalse(weakAdmin.exitCode() == 0, weakAdmin.output());

        // the access log is written in the background: wait until the last request has reached it
        String marker = "/api/auth/methods";
        assertEquals(200, new Browser(vitrine).get(marker).status());
        Path accessLog = vitrine.home.resolve("data/logs/access.log");
        VitrineInstance.await("the last request in data/logs/access.log", Duration.ofSeconds(10), () -> {
            try {
                return Files.exists(accessLog) && Files.readString(accessLog).contains("GET " + marker);
            } catch (Exception e) {
                return false;
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void no_table_holds_a_password_a_totp_secret_or_a_recovery_code() throws Exception {
        List<String> found = new ArrayList<>();
        int columns = 0;
        try (Connection db = vitrine.database(); Statement s = db.createStatement()) {
            List<String[]> textColumns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns "
                    + "WHERE table_schema = DATABASE()")) {
                while (rs.next()) {
                    if (TEXT_TYPES.contains(rs.getString(3).toLowerCase(Locale.ROOT))) {
                        textColumns.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            for (String[] column : textColumns) {
                columns++;
                try (ResultSet rs = s.executeQuery("SELECT HEX(`" + column[1] + "`) FROM `" + column[0] + "` WHERE `"
                        + column[1] + "` IS NOT NULL")) {
                    while (rs.next()) {
                        byte[] value = HexFormat.of().parseHex(rs.getString(1));
                        for (String secret : leakedIn(value)) {
                            found.add(column[0] + "." + column[1] + " holds " + secret);
                        }
                    }
                }
            }
        }
        assertTrue(columns > 20, "the scan saw the schema's text columns, only " + columns);
        assertEquals(List.of(), found);
    }

    @Test
    void no_log_file_and_no_console_output_holds_a_password_a_totp_secret_or_a_recovery_code() throws Exception {
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(vitrine.home.resolve("data/logs"))) {
            files.filter(Files::isRegularFile).forEach(logs::add);
        }
        try (Stream<Path> files = Files.list(vitrine.home)) {
            files.filter(f -> f.getFileName().toString().matches("console-\\d+\\.log")).forEach(logs::add);
        }
        assertTrue(logs.stream().anyMatch(l -> l.endsWith("vitrine.log")) && logs.stream().anyMatch(l -> l.endsWith("access.log"))
                && logs.stream().anyMatch(l -> l.getFileName().toString().startsWith("console-")), logs.toString());
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            for (String secret : leakedIn(Files.readAllBytes(log))) {
                found.add(vitrine.home.relativize(log) + " holds " + secret);
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void every_password_is_stored_as_an_argon2id_hash() throws Exception {
        List<String> hashes = new ArrayList<>();
        try (Connection db = vitrine.database(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT password_hash FROM accounts WHERE password_hash IS NOT NULL")) {
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
        }
        assertEquals(2, hashes.size(), "the person and the admin");
        for (String hash : hashes) {
            assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        }
    }

    /** The secrets found in a stored value, read as text (any letter case) and as raw bytes. */
    private static List<String> leakedIn(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        String hex = HexFormat.of().formatHex(value);
        return secrets.stream()
                .filter(secret -> text.contains(secret.toLowerCase(Locale.ROOT)) || hex.contains(secret.toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** A password nobody else uses, so that finding it anywhere means it leaked. */
    private static String secret(String purpose) {
        return purpose + " Kx" + UUID.randomUUID().toString().substring(0, 13) + " ✓";
    }
}
