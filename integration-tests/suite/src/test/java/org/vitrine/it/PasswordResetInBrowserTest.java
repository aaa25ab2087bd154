package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mailed links in Chromium: "Forgot your password?" on the sign-in page, the reset page reached through the link
 * in the message, and the verification page, which spends its link only when the button is pressed.
 */
@Timeout(300)
class PasswordResetInBrowserTest {

    private static final String PASSWORD = "cobalt meadow 64 at noon";
    private static final String NEW_PASSWORD = "hollow birch 27 by the lake";

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();
    private static Mailbox mail;
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        mail = Mailbox.start();
        vitrine = mail.configure(VitrineInstance.fresh("browser-reset").generousSignInLimits()).start();
        chromium.at(vitrine);
    }

    @AfterAll
    static void stop() throws Exception {
        Closing.all(vitrine, mail);
    }

    @Test
    void a_person_who_forgot_the_password_asks_for_a_link_and_chooses_a_new_password() throws Exception {
        String email = Browser.newEmail("forgetful");
        Browser.registered(vitrine, email, PASSWORD);
        mail.awaitCount(email, Mailbox.VERIFY, 1);
        chromium.forgetCookies();

        chromium.open("/signin");
        chromium.click("a#signin-forgot");
        chromium.awaitPath("/forgot-password");
        chromium.type("input#forgot-email", email);
        chromium.click("button#forgot-submit");
        chromium.awaitText("#forgot-done", "If an account has this address");
        chromium.screenshot("forgot-password");

        String link = mail.awaitCount(email, Mailbox.RESET, 1).link(EmailLinks.RESET_PAGE);
        chromium.open(pathAndFragment(link));
        assertEquals("", fragment(), "the page takes the token out of the address bar");
        chromium.type("input#reset-password", NEW_PASSWORD);
        chromium.click("button#reset-submit");
        chromium.awaitSomeText("#reset-done");
        chromium.screenshot("reset-password");

        chromium.click("a#reset-signin");
        chromium.awaitPath("/signin");
        chromium.type("input#signin-email", email);
        chromium.type("input#signin-password", NEW_PASSWORD);
        chromium.click("button#signin-submit");
        chromium.awaitPath("/");
        chromium.visible("a#nav-account");
    }

    @Test
    void the_verification_page_spends_its_link_only_when_the_button_is_pressed() throws Exception {
        String email = Browser.newEmail("careful");
        Browser person = Browser.registered(vitrine, email, PASSWORD);
        String link = mail.awaitCount(email, Mailbox.VERIFY, 1).link(EmailLinks.VERIFY_PAGE);
        chromium.forgetCookies();

        chromium.open(pathAndFragment(link));
        chromium.visible("button#verify-submit");
        assertFalse(person.me().json().path("emailVerified").asBoolean(), "opening the link (as a mail scanner would) verifies nothing");
        chromium.click("button#verify-submit");
        chromium.awaitText("#verify-done", email);

        assertTrue(person.me().json().path("emailVerified").asBoolean(), "pressing the button did");
    }

    private static String pathAndFragment(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "#" + uri.getRawFragment();
    }

    private static String fragment() {
        String fragment = URI.create(chromium.driver().getCurrentUrl()).getRawFragment();
        return fragment == null ? "" : fragment;
    }
}
