package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

/**
 * The links Vitrine mails for e-mail verification and password reset, as a person's mail program shows them:
 * {@code <public.url>/verify-email#token=...} and {@code <public.url>/reset-password#token=...}. The token is in the
 * fragment, which browsers never send to the server.
 */
final class EmailLinks {

    static final String VERIFY_PAGE = "/verify-email";
    static final String RESET_PAGE = "/reset-password";

    private EmailLinks() {
    }

    /** The token of the newest link to the page in the message, after checking the link's shape. */
    static String token(Mailbox.Received message, String page) {
        URI link = URI.create(message.link(page));
        assertEquals(page, link.getPath(), link.toString());
        assertNull(link.getQuery(), "the token is not in the query, which reaches server logs: " + link);
        String fragment = link.getFragment();
        assertTrue(fragment != null && fragment.startsWith("token="), link.toString());
        String token = fragment.substring("token=".length());
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "256 bits, URL-safe: " + token);
        return token;
    }

    /** Redeems a verification (or e-mail change) link as the page's button does. */
    static Browser.Reply verify(VitrineInstance vitrine, String token) throws Exception {
        return new Browser(vitrine).post("/api/auth/email/verify", Browser.body("token", token));
    }
}
