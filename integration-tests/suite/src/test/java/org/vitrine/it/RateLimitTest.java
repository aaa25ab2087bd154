package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Problems.assertProblem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Per-address budgets for signing in ({@code rate.login.ip = 5/1m}), registering ({@code rate.register.ip = 3/1h}),
 * reporting documents ({@code rate.report.ip = 3/1h}) and the contact form ({@code rate.contact.ip = 2/1h}): beyond
 * them the answer is 429 with a {@code Retry-After}, and nothing is stored.
 */
@Timeout(300)
class RateLimitTest {

    private static final String PASSWORD = "saffron cliff 19 and gulls";
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("rate-limits")
                .setting("platform.properties", "rate.login.ip", "5/1m")
                .setting("platform.properties", "rate.register.ip", "3/1h")
                .setting("platform.properties", "rate.report.ip", "3/1h")
                .setting("platform.properties", "rate.contact.ip", "2/1h")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void the_sixth_sign_in_attempt_from_one_address_within_a_minute_is_refused() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(new Browser(vitrine).signIn(Browser.newEmail("attempt"), PASSWORD), 401, "");
        }
        assertTooMany(new Browser(vitrine).signIn(Browser.newEmail("attempt"), PASSWORD), 60);
    }

    @Test
    void the_fourth_registration_from_one_address_within_an_hour_is_refused() throws Exception {
        for (int registration = 1; registration <= 3; registration++) {
            assertEquals(202, new Browser(vitrine).register(Browser.newEmail("budget"), PASSWORD, "Budget").status());
        }
        String email = Browser.newEmail("over-budget");
        Browser.Reply refused = new Browser(vitrine).register(email, PASSWORD, "Over budget");
        assertTooMany(refused, 3600);
        assertFalse(refused.sessionCookie().isPresent());
        try (Connection db = vitrine.database();
             PreparedStatement select = db.prepareStatement("SELECT COUNT(*) FROM accounts WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "no account was created");
            }
        }
    }

    @Test
    void the_fourth_report_from_one_address_within_an_hour_is_refused() throws Exception {
        long doc = CatalogSeed.document(vitrine, "Much reported", null, "CC-BY-4.0", true);
        for (int report = 1; report <= 3; report++) {
            assertEquals(201, new Browser(vitrine).post("/api/documents/" + doc + "/reports", Browser.body("reason", "spam")).status());
        }
        assertTooMany(new Browser(vitrine).post("/api/documents/" + doc + "/reports", Browser.body("reason", "spam")), 3600);
        assertEquals(3, Rows.count(vitrine, "SELECT COUNT(*) FROM reports WHERE document_id = ?", doc), "the fourth was not stored");
    }

    @Test
    void the_third_contact_message_from_one_address_within_an_hour_is_refused() throws Exception {
        for (int message = 1; message <= 2; message++) {
            assertEquals(201, new Browser(vitrine).post("/api/contact", contact("Message " + message)).status());
        }
        assertTooMany(new Browser(vitrine).post("/api/contact", contact("One too many")), 3600);
        assertEquals(0, Rows.count(vitrine, "SELECT COUNT(*) FROM contact_requests WHERE message = 'One too many'"));
    }

    private static java.util.Map<String, Object> contact(String message) {
        return Browser.body("name", "Limited", "email", "limited@example.org", "message", message, "type", "question");
    }

    private static void assertTooMany(Browser.Reply reply, long atMostSeconds) {
        assertProblem(reply, 429, "");
        long retryAfter = Long.parseLong(reply.header("Retry-After")
                .orElseThrow(() -> new AssertionError("no Retry-After: " + reply.headers())));
        assertTrue(retryAfter > 0 && retryAfter <= atMostSeconds, "Retry-After " + retryAfter);
    }
}
