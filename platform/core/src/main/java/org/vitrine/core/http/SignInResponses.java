package org.vitrine.core.http;

import java.util.ArrayList;
import java.util.List;

import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Recognises a sign-in from the answer, whichever sign-in method gave it: a successful answer that hands the browser
 * the cookie of a live session signs that session's account in. Lets a response filter act once for every method.
 * A session that only waits for the second factor is not a sign-in ({@link SessionManager#find} does not return it):
 * filters act on the answer that completes it ({@code POST /api/auth/second-factor}, or a password login that carried
 * the code), so a new-device notice or consent attachment never happens for someone who only knew the password.
 */
public final class SignInResponses {

    private SignInResponses() {
    }

    /** The sessions the answer signs in; empty for every other answer. */
    public static List<Session> signedIn(ContainerResponseContext response, SessionManager sessions) {
        List<String> setCookies = response.getStringHeaders().get(HttpHeaders.SET_COOKIE);
        List<Session> found = new ArrayList<>();
        if (setCookies == null || response.getStatus() >= 400) {
            return found;
        }
        for (String setCookie : setCookies) {
            int eq = setCookie.indexOf('=');
            int end = setCookie.indexOf(';');
            String value = eq < 0 ? "" : setCookie.substring(eq + 1, end < 0 ? setCookie.length() : end).trim();
            if (!value.isEmpty()) {
                sessions.find(value).ifPresent(found::add);
            }
        }
        return found;
    }
}
