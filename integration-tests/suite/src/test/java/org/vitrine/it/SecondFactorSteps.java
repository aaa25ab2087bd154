package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/** What a person does with two-factor authentication, over HTTP: turn it on, and finish a sign-in with a code. */
final class SecondFactorSteps {

    /** An authenticator app holding the account's secret, and the recovery codes shown at confirmation. */
    record Enrolled(AuthenticatorApp app, List<String> recoveryCodes) {
    }

    private SecondFactorSteps() {
    }

    /** Enrols an authenticator app for the signed-in person and confirms it with a first code. */
    static Enrolled enrol(Browser signedIn) throws Exception {
        Browser.Reply started = signedIn.post("/api/me/2fa", null);
        assertEquals(200, started.status(), started.toString());
        AuthenticatorApp app = new AuthenticatorApp(started.json().path("secret").asText());
        Browser.Reply confirmed = signedIn.post("/api/me/2fa/confirm", Browser.body("code", app.currentCode()));
        assertEquals(200, confirmed.status(), confirmed.toString());
        List<String> codes = new ArrayList<>();
        confirmed.json().path("recoveryCodes").forEach(c -> codes.add(c.asText()));
        return new Enrolled(app, codes);
    }

    /** Asserts that a password login answered "the password is right, now the code" (202) with a waiting session. */
    static Browser.Reply assertAwaitsCode(Browser.Reply login) {
        assertEquals(202, login.status(), login.toString());
        assertTrue(login.json().path("awaitingSecondFactor").asBoolean(), login.toString());
        assertTrue(login.sessionCookie().isPresent(), "a waiting session: " + login);
        return login;
    }

    /**
     * Finishes the browser's waiting sign-in as the web page does: takes the waiting session's CSRF token from
     * {@code GET /api/auth/second-factor}, then sends {@code field} ({@code code} or {@code recoveryCode}).
     */
    static Browser.Reply complete(Browser browser, String field, String value) throws Exception {
        Browser.Reply waiting = browser.get("/api/auth/second-factor");
        assertEquals(200, waiting.status(), waiting.toString());
        return browser.post("/api/auth/second-factor", Browser.body(field, value));
    }
}
