package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;
import org.vitrine.it.onshape.FakeUser;

/**
 * E-mail verification over a real SMTP server: the link mailed at registration proves the address once; until then
 * the account signs in but cannot import or change a licence; a new link replaces the old; a verified address lets
 * Sign in with Onshape join the account; and the address is changed only through a link sent to the new address.
 */
class EmailVerificationTest {

    private static final String PASSWORD = "amber lantern 58 over moss";

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static Mailbox mail;
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        mail = Mailbox.start();
        vitrine = OnshapeSignInFlow.connect(mail.configure(VitrineInstance.fresh("email-verification").generousSignInLimits()), onshape)
                .setting("platform.properties", "rate.verify.account", "3/1h")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        Closing.all(vitrine, mail);
    }

    @Test
    void the_link_mailed_at_registration_verifies_the_address_exactly_once() throws Exception {
        String email = Browser.newEmail("verifier");
        Browser person = Browser.registered(vitrine, email, PASSWORD);
        assertFalse(person.me().json().path("emailVerified").asBoolean(true), "unverified after registration");

        String token = EmailLinks.token(mail.awaitCount(email, Mailbox.VERIFY, 1), EmailLinks.VERIFY_PAGE);
        Browser.Reply verified = EmailLinks.verify(vitrine, token);

        assertEquals(200, verified.status(), verified.toString());
        assertEquals(email, verified.json().path("email").asText());
        assertTrue(person.me().json().path("emailVerified").asBoolean(), "verified in the person's own session");
        assertProblem(EmailLinks.verify(vitrine, token), 410, "already used");
        assertProblem(EmailLinks.verify(vitrine, "A".repeat(43)), 400, "not valid");
        assertEquals(1, AuditTrail.of(vitrine, "email.verify").stream().filter(e -> "success".equals(e.outcome())).count());
        assertEquals(0, Rows.count(vitrine, "SELECT COUNT(*) FROM email_tokens WHERE token_hash = ?", token),
                "the token itself is not stored, only its hash");
    }

    @Test
    void an_unverified_account_signs_in_but_cannot_import_or_change_a_licence_until_it_verifies() throws Exception {
        String email = Browser.newEmail("unverified");
        Browser person = Browser.registered(vitrine, email, PASSWORD);
        onshape.signedInUser(FakeUser.named("Un", "Verified").withEmail(Browser.newEmail("onshape-side")));
        OnshapeSignInFlow.signIn(vitrine, person, "/account");
        long id = person.me().json().path("id").asLong();
        long document = CatalogSeed.document(vitrine, "Unverified part", id, "MIT", true);
        List<String> ids = onshape.seedDocuments(1);

        assertProblem(person.post("/api/imports", body("provider", "onshape", "documentIds", ids, "rightsConfirmed", true)), 403, "Verify your e-mail address");
        assertProblem(person.put("/api/documents/" + document + "/licence", body("licence", "CC0-1.0")), 403,
                "Verify your e-mail address");
        assertEquals(0, Rows.count(vitrine, "SELECT COUNT(*) FROM import_jobs WHERE account_id = ?", id), "no job was made");

        assertEquals(200, EmailLinks.verify(vitrine, EmailLinks.token(mail.awaitCount(email, Mailbox.VERIFY, 1), EmailLinks.VERIFY_PAGE)).status());

        ImportJobs.accepted(person.post("/api/imports", body("provider", "onshape", "documentIds", ids, "rightsConfirmed", true)));
        assertEquals(200, person.put("/api/documents/" + document + "/licence", body("licence", "CC0-1.0")).status());
    }

    @Test
    void a_new_link_replaces_the_old_one_and_asking_for_links_is_limited() throws Exception {
        String email = Browser.newEmail("resender");
        Browser person = Browser.registered(vitrine, email, PASSWORD);
        String first = EmailLinks.token(mail.awaitCount(email, Mailbox.VERIFY, 1), EmailLinks.VERIFY_PAGE);

        assertEquals(202, person.post("/api/me/email/verification", null).status());
        String second = EmailLinks.token(mail.awaitCount(email, Mailbox.VERIFY, 2), EmailLinks.VERIFY_PAGE);

        assertProblem(EmailLinks.verify(vitrine, first), 410, "newer one");
        assertEquals(200, EmailLinks.verify(vitrine, second).status());
        assertProblem(person.post("/api/me/email/verification", null), 409, "verified already");

        Browser other = Browser.registered(vitrine, Browser.newEmail("impatient"), PASSWORD);
        for (int i = 0; i < 3; i++) {
            assertEquals(202, other.post("/api/me/email/verification", null).status());
        }
        assertProblem(other.post("/api/me/email/verification", null), 429, "Too many");
        assertProblem(new Browser(vitrine).post("/api/me/email/verification", null), 401, "Sign in");
    }

    @Test
    void sign_in_with_onshape_joins_an_account_by_its_address_only_once_the_address_is_verified() throws Exception {
        String email = Browser.newEmail("joiner");
        long local = Browser.registered(vitrine, email, PASSWORD).me().json().path("id").asLong();
        FakeUser same = FakeUser.named("Jo", "Iner").withEmail(email);
        onshape.signedInUser(same);

        OnshapeSignInFlow.Outcome refused = OnshapeSignInFlow.signIn(vitrine, new Browser(vitrine), null);
        assertTrue(refused.sessionCookie().isEmpty(), "unverified: refused, " + refused);
        assertTrue(refused.location().contains("email-in-use"), refused.toString());

        assertEquals(200, EmailLinks.verify(vitrine, EmailLinks.token(mail.awaitCount(email, Mailbox.VERIFY, 1), EmailLinks.VERIFY_PAGE)).status());
        Browser viaOnshape = new Browser(vitrine);
        OnshapeSignInFlow.Outcome joined = OnshapeSignInFlow.signIn(vitrine, viaOnshape, null);

        assertTrue(joined.sessionCookie().isPresent(), joined.toString());
        assertEquals(local, viaOnshape.me().json().path("id").asLong(), "the verified account, not a new one");
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM identities WHERE provider = 'onshape' AND external_id = ? "
                + "AND account_id = ?", same.id(), local));
    }

    @Test
    void an_address_changes_only_through_the_link_sent_to_it_and_the_old_address_is_told() throws Exception {
        String old = Browser.newEmail("mover");
        String next = Browser.newEmail("moved");
        Browser person = Browser.registered(vitrine, old, PASSWORD);
        mail.awaitCount(old, Mailbox.VERIFY, 1);
        String taken = Browser.newEmail("taken");
        Browser.registered(vitrine, taken, PASSWORD);

        assertProblem(person.put("/api/me/email", body("email", next, "password", "not my password at all")), 403, "password");
        assertProblem(person.put("/api/me/email", body("email", taken, "password", PASSWORD)), 409, "exists");
        Browser.Reply requested = person.put("/api/me/email", body("email", next, "password", PASSWORD));
        assertEquals(202, requested.status(), requested.toString());
        assertEquals(old, person.me().json().path("email").asText(), "nothing changes before the link is opened");

        String token = EmailLinks.token(mail.awaitCount(next, Mailbox.VERIFY, 1), EmailLinks.VERIFY_PAGE);
        Browser.Reply changed = EmailLinks.verify(vitrine, token);

        assertEquals(200, changed.status(), changed.toString());
        assertTrue(changed.json().path("changed").asBoolean(), changed.toString());
        assertEquals(next, person.me().json().path("email").asText());
        assertTrue(person.me().json().path("emailVerified").asBoolean(), "the new address is proven by its link");
        Mailbox.Received notice = mail.awaitCount(old, Mailbox.CHANGED, 1);
        assertTrue(notice.text().contains(next), "the old address hears where the account went: " + notice.text());
        assertProblem(EmailLinks.verify(vitrine, token), 410, "");
        assertEquals(200, Browser.signedIn(vitrine, next, PASSWORD, "after the change").me().status(), "signs in with the new address");
        assertEquals(401, new Browser(vitrine).signIn(old, PASSWORD).status(), "the old address no longer signs in");
        assertTrue(AuditTrail.of(vitrine, "email.change").stream().anyMatch(e -> "success".equals(e.outcome())));
    }
}
