package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Problems.assertProblem;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;
import org.vitrine.it.onshape.FakeUser;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Connected providers: a person sees the providers connected to their account (never a token, never the
 * provider's user id), disconnects one unless it is the last way left to sign in, and cannot touch anyone
 * else's. When Onshape refuses a session's grant (revoked at Onshape), the person is told to reconnect, the dead
 * tokens are dropped, import jobs stop with that reason and nothing calls Onshape again until they reconnect.
 */
@Timeout(300)
class ConnectedProvidersTest {

    private static final String PASSWORD = "lantern harbour 52 at dusk";
    private static final String RECONNECT = "urn:vitrine:problem:reconnect-provider";

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("connected-providers"), onshape)
                .generousSignInLimits().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void the_list_names_each_provider_without_tokens_or_the_providers_user_id() throws Exception {
        FakeUser grace = actAs(FakeUser.named("Grace", "Hopper").withEmail(Browser.newEmail("grace")));
        Browser browser = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, browser, null);

        Browser.Reply list = browser.get("/api/me/identities");

        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.json().size(), list.toString());
        JsonNode identity = list.json().get(0);
        assertEquals("onshape", identity.path("provider").asText());
        assertEquals("Onshape", identity.path("providerName").asText());
        assertEquals(grace.name(), identity.path("displayName").asText());
        assertTrue(identity.path("linkedAt").isTextual(), list.toString());
        assertFalse(list.body().contains(grace.id()), "the provider's user id is not shown: " + list);
        for (String token : onshape.issuedTokens()) {
            assertFalse(list.body().contains(token), "no token in " + list);
        }
    }

    @Test
    void the_only_way_to_sign_in_cannot_be_disconnected() throws Exception {
        actAs(FakeUser.named("Only", "Onshape").withEmail(Browser.newEmail("only-onshape")));
        Browser browser = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, browser, null);
        long id = browser.get("/api/me/identities").json().get(0).path("id").asLong();

        Browser.Reply refused = browser.delete("/api/me/identities/" + id, null);

        assertProblem(refused, 409, "no way to sign in");
        assertEquals(1, browser.get("/api/me/identities").json().size(), "still connected");
        assertEquals(200, browser.get("/api/providers/onshape/documents").status(), "its tokens still work");
    }

    @Test
    void a_person_with_a_password_disconnects_onshape_and_its_tokens_leave_their_sessions() throws Exception {
        Browser browser = Browser.registered(vitrine, Browser.newEmail("both-ways"), PASSWORD);
        actAs(FakeUser.named("Both", "Ways").withEmail(Browser.newEmail("both-ways-onshape")));
        OnshapeSignInFlow.signIn(vitrine, browser, null);
        assertEquals(200, browser.get("/api/providers/onshape/documents").status(), "connected");
        long accountId = browser.me().json().path("id").asLong();
        long id = browser.get("/api/me/identities").json().get(0).path("id").asLong();

        Browser.Reply removed = browser.delete("/api/me/identities/" + id, null);

        assertEquals(204, removed.status(), removed.toString());
        assertEquals(0, browser.get("/api/me/identities").json().size());
        onshape.forgetRequests();
        assertEquals(409, browser.get("/api/providers/onshape/documents").status(), "no Onshape tokens left in the session");
        assertEquals(0, onshape.apiCalls(), "nothing was sent to Onshape without tokens");
        assertTrue(AuditTrail.of(vitrine, "identity.unlink").stream().anyMatch(e -> ("account:" + accountId).equals(e.actor())
                && ("identity:" + id).equals(e.target()) && "success".equals(e.outcome())), "the unlink is audited");
        assertEquals(200, new Browser(vitrine).signIn(browser.me().json().path("email").asText(), PASSWORD).status(),
                "the password still signs in");
    }

    @Test
    void a_password_does_not_count_as_a_way_to_sign_in_while_password_sign_in_is_switched_off() throws Exception {
        Browser browser = Browser.registered(vitrine, Browser.newEmail("password-off"), PASSWORD);
        actAs(FakeUser.named("Password", "Off").withEmail(Browser.newEmail("password-off-onshape")));
        OnshapeSignInFlow.signIn(vitrine, browser, null);
        long id = browser.get("/api/me/identities").json().get(0).path("id").asLong();
        try {
            assertEquals(200, vitrine.putAsAdmin("/api/admin/modules/auth-password", "{\"enabled\": false}").statusCode());
            VitrineInstance.await("password sign-in to be off", Duration.ofSeconds(20),
                    () -> methods().stream().noneMatch("password"::equals));

            assertProblem(browser.delete("/api/me/identities/" + id, null), 409, "no way to sign in");
        } finally {
            assertEquals(200, vitrine.putAsAdmin("/api/admin/modules/auth-password", "{\"enabled\": true}").statusCode());
            VitrineInstance.await("password sign-in to be on", Duration.ofSeconds(20), () -> methods().contains("password"));
        }
        assertEquals(204, browser.delete("/api/me/identities/" + id, null).status(), "with password sign-in on again it may go");
    }

    @Test
    void someone_elses_identity_is_not_found_and_stays_connected() throws Exception {
        actAs(FakeUser.named("Owner", "Of Identity").withEmail(Browser.newEmail("owner")));
        Browser owner = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, owner, null);
        long id = owner.get("/api/me/identities").json().get(0).path("id").asLong();
        Browser stranger = Browser.registered(vitrine, Browser.newEmail("stranger"), PASSWORD);

        assertProblem(stranger.delete("/api/me/identities/" + id, null), 404, "no connected provider");
        assertProblem(stranger.delete("/api/me/identities/not-a-number", null), 404, "no connected provider");
        assertEquals(1, owner.get("/api/me/identities").json().size(), "the owner's identity is untouched");
        assertEquals(401, new Browser(vitrine).get("/api/me/identities").status(), "signed-out callers have none");
    }

    @Test
    void a_revoked_grant_asks_the_person_to_reconnect_once_and_onshape_is_not_called_again() throws Exception {
        actAs(FakeUser.named("Revoked", "Picker").withEmail(Browser.newEmail("revoked-picker")));
        Browser browser = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, browser, null);
        assertEquals(200, browser.get("/api/providers/onshape/documents").status());
        onshape.revokeGrants();
        onshape.forgetRequests();

        Browser.Reply refused = browser.get("/api/providers/onshape/documents");

        assertProblem(refused, 409, "connect Onshape again");
        assertEquals(RECONNECT, refused.json().path("type").asText(), refused.toString());
        assertEquals("Reconnect Onshape", refused.json().path("title").asText(), refused.toString());
        assertEquals(1, onshape.apiCalls(), "one call, refused: " + onshape.apiCallsPerPath());
        assertEquals(1, refreshCalls(), "one refresh, refused");

        for (int i = 0; i < 3; i++) {
            assertEquals(409, browser.get("/api/providers/onshape/documents").status());
        }
        assertEquals(1, onshape.apiCalls(), "the dead tokens were dropped: nothing retries them");
        assertEquals(1, refreshCalls(), "and nothing refreshes them");

        OnshapeSignInFlow.signIn(vitrine, browser, null);
        assertEquals(200, browser.get("/api/providers/onshape/documents").status(), "reconnecting works");
    }

    @Test
    void an_import_whose_grant_was_revoked_stops_saying_so_without_a_retry_storm_and_goes_on_after_reconnecting() throws Exception {
        actAs(FakeUser.named("Revoked", "Importer").withEmail(Browser.newEmail("revoked-importer")));
        Browser browser = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, browser, null);
        List<String> ids = onshape.seedDocuments(3);
        onshape.revokeGrants();
        onshape.forgetRequests();

        long job = ImportJobs.importDocuments(browser, ids);
        JsonNode paused = ImportJobs.awaitJob(browser, job, "to stop", j -> "paused".equals(j.path("state").asText()));

        assertTrue(paused.path("reason").asText().toLowerCase(Locale.ROOT).contains("reconnect onshape"), paused.toString());
        assertEquals(0, paused.path("failed").asInt(), "a revoked grant fails no document: " + paused);
        int calls = onshape.requests().size();
        assertTrue(onshape.apiCalls() <= ids.size(), "at most one refused call per document: " + onshape.apiCallsPerPath());
        assertEquals(1, refreshCalls(), "one refresh, refused");
        // the runner looks at unfinished jobs every 15 s: give it two rounds
        Thread.sleep(Duration.ofSeconds(32).toMillis());
        assertEquals(calls, onshape.requests().size(), "no call to Onshape while the person has not reconnected");
        JsonNode still = browser.get("/api/imports/" + job).json();
        assertEquals("paused", still.path("state").asText(), still.toString());
        assertTrue(still.path("reason").asText().toLowerCase(Locale.ROOT).contains("reconnect onshape"), "the reason stays: " + still);

        OnshapeSignInFlow.signIn(vitrine, browser, null);
        JsonNode finished = ImportJobs.awaitCompleted(browser, job);
        assertEquals(ids.size(), finished.path("done").asInt(), finished.toString());
    }

    @Test
    void a_disabled_account_is_refused_by_sign_in_with_onshape() throws Exception {
        actAs(FakeUser.named("Disabled", "Designer").withEmail(Browser.newEmail("disabled-designer")));
        Browser browser = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, browser, null);
        long accountId = browser.me().json().path("id").asLong();

        assertEquals(200, vitrine.postAsAdmin("/api/admin/users/" + accountId + "/disable", "{}").statusCode());
        assertEquals(401, browser.me().status(), "the session ended");

        Browser again = new Browser(vitrine);
        OnshapeSignInFlow.Outcome outcome = OnshapeSignInFlow.signIn(vitrine, again, null);
        assertTrue(outcome.sessionCookie().isEmpty(), "no session for a disabled account");
        assertTrue(outcome.location().endsWith("/signin?error=disabled"), outcome.location());

        assertEquals(200, vitrine.postAsAdmin("/api/admin/users/" + accountId + "/enable", "{}").statusCode());
        assertTrue(OnshapeSignInFlow.signIn(vitrine, new Browser(vitrine), null).sessionCookie().isPresent(), "enabled again");
    }

    /** The ids of the sign-in methods switched on now. */
    private static List<String> methods() {
        try {
            Thread.sleep(200); // polled: stay well inside the API's per-address budget
            List<String> ids = new java.util.ArrayList<>();
            new Browser(vitrine).get("/api/auth/methods").json().forEach(m -> ids.add(m.path("id").asText()));
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** From now on the fake Onshape signs this person in. */
    private static FakeUser actAs(FakeUser user) {
        onshape.signedInUser(user);
        return user;
    }

    private static long refreshCalls() {
        return onshape.requests().stream()
                .filter(r -> r.path().equals("/oauth/token") && r.bodyText().contains("grant_type=refresh_token")).count();
    }
}
