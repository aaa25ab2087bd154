package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.vitrine.it.onshape.FakeOnshape;

/**
 * The browser's side of "Sign in with Onshape": Vitrine's start address, the (fake) Onshape authorize page,
 * back to Vitrine's callback with the state cookie, as a browser follows redirects.
 */
final class OnshapeSignInFlow {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Where the flow ended: the final Location and the session cookie it set, if any. */
    record Outcome(String location, Optional<String> sessionCookie, String stateCookie) {
    }

    private OnshapeSignInFlow() {
    }

    /** Configures an instance (not yet started) to use the fake Onshape, with both Onshape modules on. */
    static VitrineInstance connect(VitrineInstance vitrine, FakeOnshape onshape) throws Exception {
        String callback = "http://127.0.0.1:" + vitrine.port + "/api/auth/onshape/callback";
        onshape.redirectUri(callback);
        return vitrine.setting("onshape.properties", "api.url", onshape.baseUri().toString())
                .setting("onshape.properties", "oauth.url", onshape.baseUri().toString())
                .setting("onshape.properties", "client.id", onshape.oauthClient().clientId())
                .setting("onshape.properties", "client.secret", onshape.oauthClient().clientSecret())
                .setting("onshape.properties", "redirect.url", callback)
                .setting("modules.properties", "auth-onshape", "enabled")
                .setting("modules.properties", "cad-onshape", "enabled");
    }

    /** Runs the whole flow for the browser; afterwards it holds the new session and its CSRF token. */
    static Outcome signIn(VitrineInstance vitrine, Browser browser, String returnTo) throws Exception {
        Browser.Reply start = browser.get("/api/auth/onshape/start" + (returnTo == null ? "" : "?returnTo=" + returnTo));
        assertEquals(303, start.status(), start.toString());
        String authorize = start.header("Location").orElseThrow();
        String stateCookie = start.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("vitrine_onshape_state=")).findFirst().orElseThrow().split(";", 2)[0];
        HttpResponse<String> consent = HTTP.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, consent.statusCode(), consent.body());
        String callback = consent.headers().firstValue("Location").orElseThrow();
        assertTrue(callback.startsWith("http://127.0.0.1:" + vitrine.port + "/api/auth/onshape/callback?"), callback);
        return back(vitrine, browser, callback, stateCookie);
    }

    /** The last step alone: the browser arrives at Vitrine's callback with the given cookie. */
    static Outcome back(VitrineInstance vitrine, Browser browser, String callback, String stateCookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callback)).GET();
        String cookies = stateCookie == null ? "" : stateCookie;
        if (browser.sessionCookie() != null) {
            cookies += (cookies.isEmpty() ? "" : "; ") + Browser.SESSION_COOKIE + "=" + browser.sessionCookie();
        }
        if (!browser.keptCookies().isEmpty()) {
            cookies += (cookies.isEmpty() ? "" : "; ") + browser.keptCookies();
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        HttpResponse<String> done = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, done.statusCode(), done.body());
        browser.rememberKeptCookies(done.headers());
        Optional<String> session = done.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Browser.SESSION_COOKIE + "=")).findFirst()
                .map(c -> c.split(";", 2)[0].substring(Browser.SESSION_COOKIE.length() + 1));
        session.ifPresent(id -> {
            browser.useSessionCookie(id);
            try {
                browser.me();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return new Outcome(done.headers().firstValue("Location").orElse(""), session, stateCookie);
    }
}
