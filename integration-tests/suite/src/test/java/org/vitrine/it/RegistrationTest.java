package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Registering with e-mail and password: the answer is "check your mail" (202) and signs nobody in, and it is the same,
 * byte for byte, whether or not the address already has an account; a new address gets its account (and the message
 * that verifies it), the owner of a taken one gets a message with links to sign in and to reset the password (at most
 * one an hour) and the account stays as it was. The password rules (after NIST SP 800-63B) refuse with a detail naming
 * the rule, and a refused registration creates nothing. Mail goes to a real SMTP server ({@link Mailbox}).
 */
@Timeout(300)
class RegistrationTest {

    private static final String GOOD_PASSWORD = "quiet orchard 47 lanterns";
    private static final String TRIED_TO_REGISTER = "tried to register";
    private static Mailbox mail;
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        mail = Mailbox.start();
        vitrine = mail.configure(VitrineInstance.fresh("registration").generousSignInLimits()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        Closing.all(vitrine, mail);
    }

    @Test
    void registering_creates_a_user_who_then_signs_in_with_a_session_cookie() throws Exception {
        Browser browser = new Browser(vitrine);
        String email = Browser.newEmail("Ada.Lovelace");
        Browser.Reply registered = browser.post("/api/auth/password/register", body("email", "  " + email.toUpperCase() + " ",
                "password", GOOD_PASSWORD, "displayName", "Ada Lovelace", "firstName", "Ada", "lastName", "Lovelace",
                "company", "Analytical Engines Ltd"));

        assertEquals(202, registered.status(), registered.toString());
        assertTrue(registered.json().path("message").asText().startsWith("Check your mail"), registered.toString());
        assertEquals(List.of(), registered.headers().allValues("Set-Cookie"), "registering starts no session");
        assertEquals(401, browser.me().status(), "nobody is signed in yet");
        mail.awaitCount(email.toLowerCase(), Mailbox.VERIFY, 1);

        Browser.Reply reply = browser.signIn(email, GOOD_PASSWORD);
        assertEquals(200, reply.status(), reply.toString());
        JsonNode account = reply.json();
        assertTrue(account.path("id").canConvertToLong(), reply.toString());
        assertEquals(email.toLowerCase(), account.path("email").asText(), "the address is stored trimmed and in lower case");
        assertEquals("Ada Lovelace", account.path("displayName").asText());
        assertEquals(List.of("user"), roles(account));
        assertFalse(account.path("csrfToken").asText().isBlank(), reply.toString());

        String setCookie = reply.sessionCookie().orElseThrow(() -> new AssertionError("no session cookie: " + reply.headers()));
        assertTrue(setCookie.matches(Browser.SESSION_COOKIE + "=[^;\\s]{16,};.*"), setCookie);
        List<String> attributes = reply.sessionCookieAttributes();
        assertTrue(attributes.contains("Path=/"), setCookie);
        assertTrue(attributes.stream().anyMatch("HttpOnly"::equalsIgnoreCase), setCookie);
        assertTrue(attributes.stream().anyMatch("SameSite=Lax"::equalsIgnoreCase), setCookie);

        Browser.Reply me = browser.me();
        assertEquals(200, me.status(), me.toString());
        assertEquals(account.path("id").asLong(), me.json().path("id").asLong());
        assertEquals(email.toLowerCase(), me.json().path("email").asText());
        assertEquals(account.path("csrfToken").asText(), me.json().path("csrfToken").asText());
        assertFalse(me.json().path("twoFactorEnabled").asBoolean(true), me.toString());

        try (Connection db = vitrine.database();
             PreparedStatement select = db.prepareStatement("SELECT first_name, last_name, company FROM accounts WHERE email = ?")) {
            select.setString(1, email.toLowerCase());
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), "the account is in the database");
                assertEquals("Ada", rs.getString(1));
                assertEquals("Lovelace", rs.getString(2));
                assertEquals("Analytical Engines Ltd", rs.getString(3));
            }
        }
    }

    @Test
    void the_password_is_stored_only_as_an_argon2id_hash() throws Exception {
        String email = Browser.newEmail("hash");
        Browser.registered(vitrine, email, GOOD_PASSWORD);
        String hash = accountColumn(email, "password_hash");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertFalse(hash.contains(GOOD_PASSWORD));
    }

    @Test
    void passwords_of_exactly_12_and_exactly_128_characters_are_accepted() throws Exception {
        String twelve = "Tq8#mZ2!vL0p";
        StringBuilder long128 = new StringBuilder();
        while (long128.length() < 128) {
            long128.append("Fern ").append(long128.length()).append(" glade; ");
        }
        String oneHundredTwentyEight = long128.substring(0, 128);
        assertEquals(12, twelve.length());
        assertEquals(128, oneHundredTwentyEight.length());

        assertEquals(202, new Browser(vitrine).register(Browser.newEmail("twelve"), twelve, "Twelve").status());
        String email = Browser.newEmail("long");
        assertEquals(202, new Browser(vitrine).register(email, oneHundredTwentyEight, "Long").status());
        assertEquals(200, new Browser(vitrine).signIn(email, oneHundredTwentyEight).status());
    }

    @Test
    void password_length_is_counted_in_characters_not_in_bytes_or_utf16_units() throws Exception {
        String elevenWithEmoji = "🔑🌲🦊 key 42!";
        assertEquals(11, elevenWithEmoji.codePointCount(0, elevenWithEmoji.length()));
        assertRefused(elevenWithEmoji, "too short");

        StringBuilder emoji = new StringBuilder();
        String[] pieces = {"🔑", "🌲", "🦊", "✓", " ", "m", "o", "s", "s", "7"};
        for (int i = 0; i < 128; i++) {
            emoji.append(pieces[i % pieces.length]);
        }
        String oneHundredTwentyEight = emoji.toString();
        assertTrue(oneHundredTwentyEight.length() > 128, "more UTF-16 units than characters");
        String email = Browser.newEmail("emoji");
        Browser.Reply reply = new Browser(vitrine).register(email, oneHundredTwentyEight, "Emoji");
        assertEquals(202, reply.status(), reply.toString());
        assertEquals(200, new Browser(vitrine).signIn(email, oneHundredTwentyEight).status());
    }

    @Test
    void registering_cannot_grant_oneself_a_role() throws Exception {
        String email = Browser.newEmail("upstart");
        Browser browser = new Browser(vitrine);
        Browser.Reply reply = browser.post("/api/auth/password/register", body("email", email, "password", GOOD_PASSWORD,
                "displayName", "Upstart", "roles", List.of("admin")));
        if (reply.status() == 202) {
            assertEquals(List.of("user"), roles(browser.signIn(email, GOOD_PASSWORD).json()), reply.toString());
            assertEquals(List.of("user"), roles(browser.me().json()));
            assertEquals(403, browser.get("/api/admin/modules").status());
        } else {
            assertProblem(reply, 400, "roles");
            assertEquals(0, accountCount(email));
        }
    }

    @Test
    void a_password_shorter_than_12_characters_is_refused() throws Exception {
        assertRefused("Tq8#mZ2!vL0", "too short");
    }

    @Test
    void a_password_longer_than_128_characters_is_refused() throws Exception {
        StringBuilder long129 = new StringBuilder();
        while (long129.length() < 129) {
            long129.append("Moss ").append(long129.length()).append(" brook; ");
        }
        assertRefused(long129.substring(0, 129), "too long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1qaz2wsx3edc", "123qweasdzxc", "q1w2e3r4t5y6", "1QAZ2WSX3EDC"})
    void registering_with_a_common_password_is_refused(String common) throws Exception {
        assertRefused(common, "commonly used");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaaaa", "abcdefghijklmnop", "abababababababab", "ponmlkjihgfedcba"})
    void a_repeated_or_sequential_password_is_refused(String pattern) throws Exception {
        assertRefused(pattern, "repeated or sequential");
    }

    @Test
    void a_password_containing_the_email_address_or_its_local_part_is_refused() throws Exception {
        String email = Browser.newEmail("margaret.hamilton");
        String local = email.substring(0, email.indexOf('@'));
        assertRefused(email, "my " + email + " key", "e-mail address");
        assertRefused(email, "Apollo " + local.toUpperCase() + " 1969", "e-mail address");
    }

    @Test
    void a_password_containing_the_name_of_the_site_is_refused() throws Exception {
        assertRefused("my ViTrInE shelf of parts", "name of this site");
    }

    @Test
    void spaces_and_unicode_are_allowed_in_passwords() throws Exception {
        String email = Browser.newEmail("unicode");
        String password = "ünïcödé pässwörd ✓ 42";
        Browser.Reply registered = new Browser(vitrine).registerAndSignIn(email, password, "Zoë Ünïcode");
        assertEquals(200, registered.status(), "the same password signs in: " + registered);
        assertEquals("Zoë Ünïcode", registered.json().path("displayName").asText());
        String decomposed = Normalizer.normalize(password, Normalizer.Form.NFD);
        assertNotEquals(password, decomposed);
        assertEquals(200, new Browser(vitrine).signIn(email, decomposed).status(),
                "the same password typed in another Unicode normal form (as some keyboards send it) signs in");
        assertEquals(401, new Browser(vitrine).signIn(email, "unicode password ✓ 42").status(), "a look-alike does not");
    }

    @Test
    void an_address_that_has_an_account_gets_the_same_answer_as_a_new_one_and_its_owner_a_message() throws Exception {
        String email = Browser.newEmail("grace");
        Browser.registered(vitrine, email, GOOD_PASSWORD);
        long id = Long.parseLong(accountColumn(email, "id"));
        String hashBefore = accountColumn(email, "password_hash");
        String fresh = Browser.newEmail("fresh");

        Browser.Reply taken = new Browser(vitrine).register(email.toUpperCase(), "another 55 good phrase", "Impostor");
        Browser.Reply newAddress = new Browser(vitrine).register(fresh, "another 55 good phrase", "Impostor");

        assertEquals(202, taken.status(), taken.toString());
        assertEquals(newAddress.status(), taken.status());
        assertEquals(newAddress.body(), taken.body(), "the same body, byte for byte");
        assertEquals(answerHeaders(newAddress), answerHeaders(taken), "the same headers");
        assertEquals(List.of(), taken.headers().allValues("Set-Cookie"), "no session, no cookie at all");

        assertEquals(1, accountCount(email));
        assertEquals("Person " + email.substring(0, email.indexOf('@')), accountColumn(email, "display_name"), "the account is untouched");
        assertEquals(hashBefore, accountColumn(email, "password_hash"), "the password is untouched");
        assertEquals(200, new Browser(vitrine).signIn(email, GOOD_PASSWORD).status(), "the owner's password still signs in");
        assertEquals(401, new Browser(vitrine).signIn(email, "another 55 good phrase").status(), "the one given at registration does not");
        assertEquals(200, new Browser(vitrine).signIn(fresh, "another 55 good phrase").status(), "the new address has its account");

        Mailbox.Received told = mail.awaitCount(email, TRIED_TO_REGISTER, 1);
        assertEquals(email, told.to());
        assertOpens(told.link("/signin"));
        assertOpens(told.link("/forgot-password"));
        assertTrue(told.html().contains("/forgot-password"), "the HTML part links the reset page too");
        mail.awaitCount(email, Mailbox.VERIFY, 1);
        assertEquals(1, mail.count(email, Mailbox.VERIFY), "only the owner's own registration asked to verify the address");
        mail.awaitCount(fresh, Mailbox.VERIFY, 1);
        assertEquals(0, mail.count(fresh, TRIED_TO_REGISTER), "a new address is not told someone tried it");

        List<AuditTrail.Event> registrations = AuditTrail.of(vitrine, "account.register").stream()
                .filter(e -> ("account:" + id).equals(e.target())).toList();
        assertTrue(registrations.stream().anyMatch(e -> "refused".equals(e.outcome()) && e.detail().contains("owner told")),
                registrations.toString());
    }

    @Test
    void the_owner_of_a_taken_address_is_told_at_most_once_an_hour() throws Exception {
        String email = Browser.newEmail("pestered");
        Browser.registered(vitrine, email, GOOD_PASSWORD);
        long id = Long.parseLong(accountColumn(email, "id"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals(202, new Browser(vitrine).register(email, "another 55 good phrase", "Pest " + attempt).status());
        }
        List<String> details = AuditTrail.of(vitrine, "account.register").stream()
                .filter(e -> ("account:" + id).equals(e.target()) && "refused".equals(e.outcome())).map(AuditTrail.Event::detail).toList();
        assertEquals(3, details.size(), details.toString());
        assertEquals(1, details.stream().filter(d -> d.endsWith("owner told")).count(), details.toString());
        assertEquals(2, details.stream().filter(d -> d.contains("told recently, no message")).count(), details.toString());
        mail.awaitCount(email, TRIED_TO_REGISTER, 1);
        assertEquals(1, mail.count(email, TRIED_TO_REGISTER), mail.subjects().toString());
    }

    @Test
    void of_simultaneous_registrations_with_one_address_exactly_one_account_is_made_and_all_get_the_same_answer() throws Exception {
        String email = Browser.newEmail("twins");
        List<Integer> statuses = AtOnce.statuses(4, () -> new Browser(vitrine).register(email, GOOD_PASSWORD, "Twin"));
        assertEquals(List.of(202, 202, 202, 202), statuses);
        assertEquals(1, accountCount(email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-address", "two@@example.org", "space in@example.org", "@example.org"})
    void a_malformed_email_address_is_refused(String address) throws Exception {
        Browser.Reply reply = new Browser(vitrine).register(address, GOOD_PASSWORD, "Nobody");
        assertProblem(reply, 400, "e-mail");
        assertEquals(0, accountCount(address.toLowerCase()));
    }

    @Test
    void a_registration_without_a_display_name_is_refused() throws Exception {
        String email = Browser.newEmail("nameless");
        Browser browser = new Browser(vitrine);
        assertProblem(browser.post("/api/auth/password/register", body("email", email, "password", GOOD_PASSWORD)),
                400, "displayName");
        assertProblem(browser.register(email, GOOD_PASSWORD, "   "), 400, "displayName");
        assertEquals(0, accountCount(email));
    }

    @Test
    void a_malformed_json_body_is_refused() throws Exception {
        String email = Browser.newEmail("malformed");
        Browser.Reply reply = new Browser(vitrine).post("/api/auth/password/register",
                "{\"email\": \"" + email + "\", \"password\": \"" + GOOD_PASSWORD + "\", \"displayName\": ");
        assertProblem(reply, 400, "JSON");
        assertEquals(0, accountCount(email));
    }

    private static void assertRefused(String password, String rule) throws Exception {
        assertRefused(Browser.newEmail("refused"), password, rule);
    }

    /** Registration with this password is a 400 naming the rule, starts no session and creates no account. */
    private static void assertRefused(String email, String password, String rule) throws Exception {
        Browser.Reply reply = new Browser(vitrine).register(email, password, "Refused Person");
        assertProblem(reply, 400, rule);
        assertFalse(reply.sessionCookie().isPresent(), "a refused registration starts no session");
        assertEquals(0, accountCount(email), "no account for " + email);
    }

    /** The headers of an answer that could tell two answers apart (not the date). */
    private static java.util.Map<String, List<String>> answerHeaders(Browser.Reply reply) {
        java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(reply.headers().map());
        headers.remove("date");
        return headers;
    }

    /** The link is absolute and leads to a page of the web interface. */
    private static void assertOpens(String link) throws Exception {
        java.net.URI uri = java.net.URI.create(link);
        assertTrue(uri.isAbsolute(), link);
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(vitrine.uri(uri.getRawPath())).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), link);
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), link);
    }

    private static List<String> roles(JsonNode account) {
        return VitrineInstance.JSON.convertValue(account.path("roles"),
                VitrineInstance.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static int accountCount(String email) throws Exception {
        try (Connection db = vitrine.database();
             PreparedStatement select = db.prepareStatement("SELECT COUNT(*) FROM accounts WHERE LOWER(email) = LOWER(?)")) {
            select.setString(1, email);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String accountColumn(String email, String column) throws Exception {
        try (Connection db = vitrine.database();
             PreparedStatement select = db.prepareStatement("SELECT " + column + " FROM accounts WHERE email = ?")) {
            select.setString(1, email.toLowerCase());
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), "no account " + email);
                return rs.getString(1);
            }
        }
    }
}
