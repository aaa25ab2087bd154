package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vitrine.it.onshape.FakeOnshape;
import org.vitrine.it.onshape.FakeUser;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "Sign in with Onshape" from the browser's side: the redirect to Onshape with a state that only this browser
 * can bring back, once; the account made from the Onshape profile; where the person lands afterwards (only ever
 * this site); every refusal ending on the sign-in page without a session; and the rule that an Onshape identity
 * is never merged silently into a local account, only connected by its signed-in owner.
 */
@Timeout(300)
class OnshapeSignInTest {

    private static final String PASSWORD = "quiet harbour 27 lanterns";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("onshape-signin").generousSignInLimits(), onshape).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void starting_sends_the_browser_to_onshape_with_a_state_that_is_also_kept_in_a_cookie() throws Exception {
        Browser.Reply start = new Browser(vitrine).get("/api/auth/onshape/start?returnTo=%2Fimports");

        assertEquals(303, start.status(), start.toString());
        URI authorize = URI.create(start.header("Location").orElseThrow());
        assertEquals(onshape.authorizeUri().toString(), authorize.resolve(authorize.getRawPath()).toString(), authorize.toString());
        Map<String, String> query = query(authorize);
        assertEquals("code", query.get("response_type"));
        assertEquals(onshape.oauthClient().clientId(), query.get("client_id"));
        assertEquals("http://127.0.0.1:" + vitrine.port + "/api/auth/onshape/callback", query.get("redirect_uri"));
        String state = query.get("state");
        assertTrue(state != null && state.length() >= 16, "an unguessable state: " + state);
        String cookie = stateCookie(start);
        assertEquals("vitrine_onshape_state=" + state, cookie.split(";", 2)[0]);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(start.sessionCookie().isEmpty(), "starting signs nobody in");
    }

    @Test
    void a_new_onshape_user_gets_an_account_from_the_profile_and_signing_in_again_reuses_it() throws Exception {
        FakeUser grace = FakeUser.named("Grace", "Hopper").withEmail("Grace.Hopper-" + System.nanoTime() + "@Example.org");
        grace = grace.withCompany(grace.companyId(), "Remington Rand");
        onshape.signedInUser(grace);
        long accountsBefore = accounts();

        Browser first = new Browser(vitrine);
        OnshapeSignInFlow.Outcome outcome = OnshapeSignInFlow.signIn(vitrine, first, null);

        assertTrue(outcome.sessionCookie().isPresent(), "signed in: " + outcome);
        JsonNode me = first.me().json();
        assertEquals(grace.email().toLowerCase(), me.path("email").asText(), me.toString());
        assertEquals("Grace", me.path("firstName").asText(), me.toString());
        assertEquals("Hopper", me.path("lastName").asText(), me.toString());
        assertEquals("Remington Rand", me.path("company").asText(), me.toString());
        assertEquals("Grace Hopper", me.path("displayName").asText(), me.toString());
        assertEquals(accountsBefore + 1, accounts(), "one new account");

        Browser again = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, again, null);
        assertEquals(me.path("id").asLong(), again.me().json().path("id").asLong(), "the same account");
        assertEquals(accountsBefore + 1, accounts(), "no second account");
    }

    static Stream<Arguments> returnAddresses() {
        return Stream.of(
                Arguments.of("/designs/42?tab=files", "/designs/42?tab=files"),
                Arguments.of("https://evil.example/", "/"),
                Arguments.of("//evil.example", "/"),
                Arguments.of("//evil.example/designs", "/"),
                Arguments.of("/\\evil.example", "/"),
                Arguments.of("\\\\evil.example", "/"),
                Arguments.of("javascript:alert(1)", "/"));
    }

    @ParameterizedTest(name = "returnTo={0} lands on {1}")
    @MethodSource("returnAddresses")
    void after_signing_in_the_browser_returns_only_to_a_path_of_this_site(String returnTo, String landing) throws Exception {
        onshape.signedInUser(FakeUser.named("Ada", "Lovelace").withEmail(Browser.newEmail("ada")));
        Browser browser = new Browser(vitrine);

        OnshapeSignInFlow.Outcome outcome = OnshapeSignInFlow.signIn(vitrine, browser, encode(returnTo));

        assertTrue(outcome.sessionCookie().isPresent(), "signed in: " + outcome);
        assertLandsOn(landing, outcome.location());
    }

    @Test
    void a_return_address_with_characters_a_url_cannot_hold_still_signs_in_and_stays_on_this_site() throws Exception {
        onshape.signedInUser(FakeUser.named("Ada", "Lovelace").withEmail(Browser.newEmail("ada")));
        Browser browser = new Browser(vitrine);
        Arrival arrival = throughOnshape(browser, "/search?q=gear box|2");

        HttpResponse<String> back = arrive(arrival.callback(), arrival.stateCookie());

        assertEquals(303, back.statusCode(), "the callback answers with a redirect, not an error page: " + back.body());
        URI landing = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertTrue(landing.getHost() == null || landing.getHost().equals("127.0.0.1"), "only ever this site: " + landing);
        assertTrue(back.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(Browser.SESSION_COOKIE + "=")),
                "signed in: " + back.headers().map());
    }

    @Test
    void an_answer_whose_state_is_not_the_one_in_the_cookie_is_refused() throws Exception {
        long accountsBefore = accounts();
        Browser browser = new Browser(vitrine);
        Arrival mine = throughOnshape(browser, null);
        Arrival other = throughOnshape(new Browser(vitrine), null);

        OnshapeSignInFlow.Outcome outcome = OnshapeSignInFlow.back(vitrine, browser, mine.callback(), other.stateCookie());

        assertRefused("state", outcome);
        assertEquals(accountsBefore, accounts());
    }

    @Test
    void an_answer_without_the_state_cookie_is_refused() throws Exception {
        Browser browser = new Browser(vitrine);
        Arrival arrival = throughOnshape(browser, null);

        assertRefused("state", OnshapeSignInFlow.back(vitrine, browser, arrival.callback(), null));
    }

    @Test
    void an_answer_from_onshape_is_taken_only_once() throws Exception {
        onshape.signedInUser(FakeUser.named("Alan", "Turing").withEmail(Browser.newEmail("alan")));
        Browser browser = new Browser(vitrine);
        Arrival arrival = throughOnshape(browser, null);
        OnshapeSignInFlow.Outcome first = OnshapeSignInFlow.back(vitrine, browser, arrival.callback(), arrival.stateCookie());
        assertTrue(first.sessionCookie().isPresent(), "the first arrival signs in: " + first);

        Browser replay = new Browser(vitrine);
        OnshapeSignInFlow.Outcome second = OnshapeSignInFlow.back(vitrine, replay, arrival.callback(), arrival.stateCookie());

        assertRefused("state", second);
    }

    @Test
    void refusing_consent_at_onshape_ends_on_the_sign_in_page_without_a_session() throws Exception {
        long accountsBefore = accounts();
        onshape.refuseConsent(true);
        try {
            OnshapeSignInFlow.Outcome outcome = OnshapeSignInFlow.signIn(vitrine, new Browser(vitrine), "/imports");

            assertRefused("denied", outcome);
        } finally {
            onshape.refuseConsent(false);
        }
        assertEquals(accountsBefore, accounts());
    }

    @Test
    void a_code_onshape_does_not_accept_is_refused() throws Exception {
        long accountsBefore = accounts();
        Browser browser = new Browser(vitrine);
        Arrival arrival = throughOnshape(browser, null);
        String forged = "http://127.0.0.1:" + vitrine.port + "/api/auth/onshape/callback?code=" + encode("not-a-code+/=")
                + "&state=" + encode(arrival.state());

        OnshapeSignInFlow.Outcome outcome = OnshapeSignInFlow.back(vitrine, browser, forged, arrival.stateCookie());

        assertTrue(outcome.sessionCookie().isEmpty(), "no session: " + outcome);
        URI landing = URI.create(outcome.location());
        assertEquals("/signin", landing.getPath(), outcome.toString());
        assertTrue(query(landing).containsKey("error"), outcome.toString());
        assertEquals(accountsBefore, accounts());
    }

    @ParameterizedTest(name = "the e-mail address spelled {0}")
    @ValueSource(strings = {"alike", "in other letter case"})
    void onshape_sign_in_with_the_email_of_a_local_account_is_refused_and_nothing_is_merged(String spelling) throws Exception {
        String email = Browser.newEmail("local");
        long local = Browser.registered(vitrine, email, PASSWORD).me().json().path("id").asLong();
        FakeUser twin = FakeUser.named("Local", "Twin").withEmail(spelling.equals("alike") ? email : email.toUpperCase());
        onshape.signedInUser(twin);

        OnshapeSignInFlow.Outcome outcome = OnshapeSignInFlow.signIn(vitrine, new Browser(vitrine), "/imports");

        assertRefused("email-in-use", outcome);
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM accounts WHERE email = ?", email));
        assertEquals(0, Rows.count(vitrine, "SELECT COUNT(*) FROM identities WHERE provider = 'onshape' AND external_id = ?",
                twin.id()), "the Onshape identity is linked to no account");
        Browser owner = Browser.signedIn(vitrine, email, PASSWORD, "Vitrine integration suite");
        assertEquals(local, owner.me().json().path("id").asLong(), "the local account still signs in with its password");
    }

    @Test
    void a_signed_in_person_connects_onshape_to_their_account_and_then_signs_in_with_onshape_alone() throws Exception {
        String email = Browser.newEmail("connector");
        Browser browser = Browser.registered(vitrine, email, PASSWORD);
        long local = browser.me().json().path("id").asLong();
        FakeUser same = FakeUser.named("Con", "Nector").withEmail(email);
        onshape.signedInUser(same);
        long accountsBefore = accounts();

        OnshapeSignInFlow.Outcome connected = OnshapeSignInFlow.signIn(vitrine, browser, "/account");

        assertLandsOn("/account", connected.location());
        assertEquals(local, browser.me().json().path("id").asLong(), "still the same account");
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM identities WHERE provider = 'onshape' AND external_id = ? "
                + "AND account_id = ?", same.id(), local));
        Browser elsewhere = new Browser(vitrine);
        OnshapeSignInFlow.Outcome alone = OnshapeSignInFlow.signIn(vitrine, elsewhere, null);
        assertTrue(alone.sessionCookie().isPresent(), "Onshape alone signs in: " + alone);
        assertEquals(local, elsewhere.me().json().path("id").asLong(), "to the connected account");
        assertEquals(accountsBefore, accounts(), "no account was made");
    }

    /** Where Onshape sent the browser back after consenting, with the cookie Vitrine set at the start. */
    private record Arrival(String callback, String stateCookie, String state) {
    }

    private static Arrival throughOnshape(Browser browser, String returnTo) throws Exception {
        Browser.Reply start = browser.get("/api/auth/onshape/start" + (returnTo == null ? "" : "?returnTo=" + encode(returnTo)));
        assertEquals(303, start.status(), start.toString());
        URI authorize = URI.create(start.header("Location").orElseThrow());
        HttpResponse<String> consent = HTTP.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, consent.statusCode(), consent.body());
        return new Arrival(consent.headers().firstValue("Location").orElseThrow(), stateCookie(start).split(";", 2)[0],
                query(authorize).get("state"));
    }

    private static HttpResponse<String> arrive(String callback, String stateCookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(callback)).header("Cookie", stateCookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String stateCookie(Browser.Reply start) {
        return start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("vitrine_onshape_state="))
                .findFirst().orElseThrow(() -> new AssertionError("no state cookie in " + start.headers().map()));
    }

    private static void assertRefused(String error, OnshapeSignInFlow.Outcome outcome) {
        assertTrue(outcome.sessionCookie().isEmpty(), "no session: " + outcome);
        assertLandsOn("/signin?error=" + error, outcome.location());
    }

    /** The address is on this site (relative, or this host and port) and has this path and query. */
    private static void assertLandsOn(String pathAndQuery, String location) {
        URI uri = URI.create(location);
        assertTrue(uri.getRawAuthority() == null || uri.getRawAuthority().equals("127.0.0.1:" + vitrine.port),
                "only ever this site: " + location);
        assertFalse(uri.getScheme() != null && !uri.getScheme().equals("http"), "only ever this site: " + location);
        assertEquals(pathAndQuery, uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), location);
    }

    private static long accounts() throws Exception {
        return Rows.count(vitrine, "SELECT COUNT(*) FROM accounts");
    }

    private static Map<String, String> query(URI uri) {
        String raw = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return Arrays.stream(raw.split("&")).filter(p -> !p.isEmpty()).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length < 2 ? "" : URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> a));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
