package org.vitrine.web.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.Cookie;

class AppShellServletTest {

    private static final String SESSION = "vitrine_session";

    @Test
    void a_visitor_without_cookies_is_known_to_be_signed_out() {
        assertFalse(AppShellServlet.carries(null, SESSION));
        assertFalse(AppShellServlet.carries(new Cookie[0], SESSION));
    }

    @Test
    void a_visitor_with_only_the_consent_cookie_is_known_to_be_signed_out() {
        assertFalse(AppShellServlet.carries(new Cookie[] {new Cookie("vitrine_consent", "v-123")}, SESSION));
    }

    @Test
    void a_session_cookie_means_someone_may_be_signed_in() {
        assertTrue(AppShellServlet.carries(new Cookie[] {new Cookie("vitrine_consent", "v-123"), new Cookie(SESSION, "abc")}, SESSION));
    }

    @Test
    void the_configured_cookie_name_is_the_one_looked_for() {
        Cookie[] cookies = {new Cookie("site_session", "abc")};
        assertTrue(AppShellServlet.carries(cookies, "site_session"));
        assertFalse(AppShellServlet.carries(cookies, SESSION));
    }

    @Test
    void an_emptied_session_cookie_means_signed_out() {
        assertFalse(AppShellServlet.carries(new Cookie[] {new Cookie(SESSION, "")}, SESSION));
    }
}
