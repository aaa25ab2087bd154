package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

/**
 * "Your data" on the account page in Chromium: asking for an export, watching it become ready, downloading it, a
 * second export refused with the time of the next one; deleting the account after a wrong password, which ends
 * the session, and the old credentials no longer signing in.
 */
@Timeout(300)
class AccountDataInBrowserTest {

    private static final String PASSWORD = "copper kettle 73 softly";
    private static final Duration EXPORT_WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("browser-account-data").generousSignInLimits().start();
        chromium.at(vitrine);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void a_person_exports_their_data_is_refused_a_second_export_then_deletes_the_account() throws Exception {
        String email = Browser.newEmail("ada");
        chromium.forgetCookies();
        chromium.open("/register");
        chromium.type("input#register-email", email);
        chromium.type("input#register-name", "Ada Lovelace");
        chromium.type("input#register-password", PASSWORD);
        chromium.click("button#register-submit");
        chromium.awaitText("#register-done-message", "Check your mail");
        chromium.click("a#register-signin");
        chromium.type("input#signin-email", email);
        chromium.type("input#signin-password", PASSWORD);
        chromium.click("button#signin-submit");
        chromium.awaitPath("/account");
        chromium.awaitText("#account-email", email);

        chromium.visible("section#your-data");
        assertTrue(chromium.all("ul#exports li[data-export-id]").isEmpty(), "no export before the first is asked for");
        chromium.click("button#export-start");
        chromium.waitUntil("one export listed", ChromiumSession.WAIT, d -> chromium.all("ul#exports li[data-export-id]").size() == 1);
        // the page asks again by itself while the export is written: no reload here
        chromium.visible("ul#exports li[data-state=\"ready\"] a.export-download", EXPORT_WAIT);
        String item = chromium.visible("ul#exports li[data-state=\"ready\"]").getText();
        assertTrue(item.contains("Ready") && item.contains("available until"), "state, created and expiry shown: " + item);
        String href = chromium.visible("a.export-download").getDomAttribute("href");
        assertTrue(href.matches("/api/me/exports/\\d+/download"), href);
        chromium.screenshot("account-data");

        HttpResponse<byte[]> download = download(href, sessionCookie());
        assertEquals(200, download.statusCode());
        assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        Set<String> files = entries(download.body());
        assertTrue(files.containsAll(Set.of("README.txt", "profile.json")), "the archive as downloaded: " + files);
        assertEquals(401, download(href, null).statusCode(), "the link is worthless without the session");

        chromium.click("button#export-start");
        String refused = chromium.awaitSomeText("#export-error[role=alert]");
        assertTrue(refused.contains("24 hours") && refused.contains("next"), "the refusal says when the next export may be asked: " + refused);
        assertFalse(refused.matches(".*\\d{4}-\\d{2}-\\d{2}T.*"), "the time is written for people, not as ISO: " + refused);
        assertEquals(1, chromium.all("ul#exports li[data-export-id]").size(), "no second export was made");

        assertFalse(chromium.shown("form#account-delete-panel"), "the confirmation waits for the button");
        chromium.click("button#account-delete");
        chromium.visible("form#account-delete-panel");
        assertTrue(chromium.visible("#account-delete-kept").getText().contains("taken down, not erased"));
        assertTrue(chromium.visible("form#account-delete-panel").getText().contains("register with it later"));
        assertFalse(chromium.shown("input#delete-code"), "no code asked without two-factor authentication");
        chromium.screenshot("account-delete-confirm");

        chromium.type("input#delete-password", "not my password at all");
        chromium.click("button#account-delete-confirm");
        chromium.awaitSomeText("#account-delete-error[role=alert]");
        assertEquals("/account", URI.create(chromium.driver().getCurrentUrl()).getPath(), "a wrong password deletes nothing");
        chromium.visible("a#nav-account");
        Browser stillThere = new Browser(vitrine);
        stillThere.useSessionCookie(sessionCookie());
        assertEquals(200, stillThere.me().status(), "still signed in after the wrong password");

        chromium.type("input#delete-password", PASSWORD);
        chromium.click("button#account-delete-confirm");
        chromium.awaitPath("/");
        chromium.awaitSomeText("#account-deleted[role=status]");
        chromium.visible("a#nav-signin");
        assertFalse(chromium.shown("a#nav-account"), "signed out once the account is deleted");
        assertEquals(401, stillThere.me().status(), "the session ended on the server too");

        chromium.open("/signin");
        chromium.type("input#signin-email", email);
        chromium.type("input#signin-password", PASSWORD);
        chromium.click("button#signin-submit");
        chromium.awaitSomeText("#signin-error[role=alert]");
        assertEquals("/signin", URI.create(chromium.driver().getCurrentUrl()).getPath(), "the old credentials sign nobody in");
    }

    @Test
    void with_two_factor_on_the_deletion_also_asks_for_a_code() throws Exception {
        String email = Browser.newEmail("two-factor");
        Browser person = Browser.registered(vitrine, email, PASSWORD);
        AuthenticatorApp app = new AuthenticatorApp(person.post("/api/me/2fa", null).json().path("secret").asText());
        assertEquals(200, person.post("/api/me/2fa/confirm", Browser.body("code", app.currentCode())).status());
        chromium.useSessionOf(person);

        chromium.open("/account");
        chromium.awaitText("#twofa-status", "on");
        chromium.click("button#account-delete");
        chromium.visible("input#delete-code");
        chromium.type("input#delete-password", PASSWORD);
        chromium.type("input#delete-code", app.wrongCode());
        chromium.click("button#account-delete-confirm");
        chromium.awaitSomeText("#account-delete-error[role=alert]");
        assertEquals(200, person.me().status(), "a wrong code deletes nothing");

        chromium.type("input#delete-code", app.nextCode());
        chromium.click("button#account-delete-confirm");
        chromium.awaitPath("/");
        chromium.awaitSomeText("#account-deleted[role=status]");
        chromium.visible("a#nav-signin");
        assertEquals(401, person.me().status(), "the account's session ended");
    }

    /** The browser's session cookie (HttpOnly: the page cannot read it, the driver can). */
    private static String sessionCookie() {
        Cookie cookie = chromium.driver().manage().getCookieNamed(Browser.SESSION_COOKIE);
        assertNotNull(cookie, "the browser holds a session cookie");
        return cookie.getValue();
    }

    /** Follows the download link as the browser would, with its session cookie (or none). */
    private static HttpResponse<byte[]> download(String href, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(href)).timeout(Duration.ofSeconds(30)).GET();
        if (session != null) {
            request.header("Cookie", Browser.SESSION_COOKIE + "=" + session);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Set<String> entries(byte[] zip) throws Exception {
        Set<String> names = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
