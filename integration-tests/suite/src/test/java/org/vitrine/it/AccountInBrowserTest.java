package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * A person's account in Chromium: registering, signing out and in, enrolling an authenticator app from the QR
 * code page (the code is computed here, as the app would), the recovery codes shown once, and signing in with
 * a code afterwards.
 */
@Timeout(300)
class AccountInBrowserTest {

    private static final String PASSWORD = "lantern orchard 58 quietly";

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("browser-account").generousSignInLimits().start();
        chromium.at(vitrine);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void a_person_registers_signs_out_signs_in_enrols_two_factor_and_signs_in_with_a_code() throws Exception {
        String email = Browser.newEmail("grace");
        chromium.forgetCookies();

        chromium.open("/register");
        chromium.visible("form#register-form");
        chromium.screenshot("register");
        chromium.type("input#register-email", email);
        chromium.type("input#register-name", "Grace Hopper");
        chromium.type("input#register-password", PASSWORD);
        chromium.click("button#register-submit");
        chromium.awaitText("#register-done-message", "Check your mail");
        assertFalse(chromium.shown("form#register-form"), "the form is done");
        assertFalse(chromium.shown("a#nav-account"), "registering signs nobody in");
        chromium.click("a#register-signin");
        chromium.visible("form#signin-form");
        chromium.type("input#signin-email", email);
        chromium.type("input#signin-password", PASSWORD);
        chromium.click("button#signin-submit");
        chromium.awaitPath("/account");
        chromium.awaitText("#account-email", email);
        chromium.awaitText("#twofa-status", "off");
        chromium.visible("a#nav-account");
        assertFalse(chromium.shown("a#nav-signin"), "no sign-in link once signed in");

        signOut();

        chromium.open("/signin");
        chromium.visible("form#signin-form");
        assertFalse(chromium.shown("form#signin-code-form"), "no code asked before the server needs one");
        chromium.screenshot("signin");
        chromium.type("input#signin-email", email);
        chromium.type("input#signin-password", "not the password at all");
        chromium.click("button#signin-submit");
        chromium.awaitSomeText("#signin-error[role=alert]");
        chromium.type("input#signin-password", PASSWORD);
        chromium.click("button#signin-submit");
        chromium.awaitPath("/");
        chromium.visible("a#nav-account");

        chromium.open("/account");
        chromium.awaitText("#account-email", email);
        assertFalse(chromium.all("ul#sessions li").isEmpty(), "the session is listed");
        chromium.click("button#twofa-start");
        WebElement qr = chromium.visible("img#twofa-qr");
        assertTrue(qr.getDomAttribute("src").startsWith("data:image/png"), "the QR code is a PNG: " + qr.getDomAttribute("src"));
        chromium.waitUntil("the QR code to be drawn", ChromiumSession.WAIT, d -> Boolean.TRUE.equals(
                chromium.script("const i = document.querySelector('img#twofa-qr'); return i.complete && i.naturalWidth > 0;")));
        String secret = chromium.visible("code#twofa-secret").getText().replace(" ", "").trim();
        AuthenticatorApp app = new AuthenticatorApp(secret);
        chromium.screenshot("account-2fa");
        chromium.type("input#twofa-code", app.wrongCode());
        chromium.click("button#twofa-confirm");
        chromium.awaitSomeText("#twofa-error");
        chromium.type("input#twofa-code", app.currentCode());
        chromium.click("button#twofa-confirm");
        chromium.waitUntil("10 recovery codes", ChromiumSession.WAIT, d -> chromium.all("ul#recovery-codes li").size() == 10);
        List<String> codes = chromium.all("ul#recovery-codes li").stream().map(WebElement::getText).toList();
        assertEquals(10, new HashSet<>(codes).size(), "ten different recovery codes: " + codes);
        chromium.awaitText("#twofa-status", "on");
        chromium.screenshot("account-recovery-codes");

        chromium.open("/account");
        chromium.awaitText("#twofa-status", "on");
        assertTrue(chromium.all("ul#recovery-codes li").isEmpty(), "recovery codes are shown once only");

        signOut();

        chromium.open("/signin?returnTo=/account");
        chromium.type("input#signin-email", email);
        chromium.type("input#signin-password", PASSWORD);
        chromium.click("button#signin-submit");
        chromium.visible("form#signin-code-form input#signin-code");
        chromium.screenshot("signin-code");
        chromium.type("input#signin-code", app.wrongCode());
        chromium.click("button#signin-code-submit");
        chromium.awaitSomeText("#signin-error[role=alert]");
        assertEquals("/signin", URI.create(chromium.driver().getCurrentUrl()).getPath(), "a wrong code does not sign in");
        chromium.type("input#signin-code", app.nextCode());
        chromium.click("button#signin-code-submit");
        chromium.awaitPath("/account");
        chromium.awaitText("#account-email", email);
        chromium.awaitText("#twofa-status", "on");
    }

    @Test
    void registering_with_a_common_password_shows_the_rule_and_keeps_the_person_on_the_form() {
        chromium.forgetCookies();
        chromium.open("/register");
        chromium.type("input#register-email", Browser.newEmail("weak"));
        chromium.type("input#register-name", "Weak Password");
        chromium.type("input#register-password", "password1234");
        chromium.click("button#register-submit");
        chromium.awaitSomeText("#register-error[role=alert]");
        assertEquals("/register", URI.create(chromium.driver().getCurrentUrl()).getPath());
    }

    /** Clicks "Sign out" in the header and waits for the signed-out header. */
    private static void signOut() {
        chromium.click("button#nav-signout");
        chromium.visible("a#nav-signin");
        assertFalse(chromium.shown("a#nav-account"), "no account link once signed out");
    }
}
