package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where the sign-in page sends a person afterwards ({@code ?returnTo=}), in Chromium, whose URL parser is the one
 * an attacker aims at: it drops tabs and newlines and reads a backslash as a slash, so {@code /<TAB>/evil.invalid/}
 * looks like a path of this site but leads to another. Every {@code returnTo} of the web interface goes through one
 * function, which keeps only paths of this origin. Hosts are in the {@code .invalid} domain, which never resolves.
 */
@Timeout(300)
class SignInReturnInBrowserTest {

    private static final String PASSWORD = "harbour lantern 71 at dusk";

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("browser-return").generousSignInLimits().start();
        chromium.at(vitrine);
    }

    @AfterAll
    static void stop() throws Exception {
        Closing.all(vitrine);
    }

    @Test
    void continue_when_already_signed_in_stays_on_this_site_whatever_the_return_address_hides() throws Exception {
        Browser person = Browser.registered(vitrine, Browser.newEmail("continue"), PASSWORD);
        for (String hostile : List.of("%2F%09%2Fevil.invalid%2F", "%2F%0A%2Fevil.invalid%2F", "%2F%0D%2Fevil.invalid%2F",
                "%2F%5Cevil.invalid%2F", "%2F.%2F%2Fevil.invalid%2F", "%2F%2Fevil.invalid%2F", "https%3A%2F%2Fevil.invalid%2F",
                "javascript%3Aalert(1)")) {
            chromium.useSessionOf(person);
            chromium.open("/signin?returnTo=" + hostile);
            chromium.click("a#signin-continue");
            chromium.awaitPath("/");
            assertEquals(vitrine.uri("/").getAuthority(), URI.create(chromium.driver().getCurrentUrl()).getAuthority(),
                    "returnTo=" + hostile + " must not leave the site");
        }
    }

    @Test
    void signing_in_with_a_password_after_a_hostile_return_address_lands_on_the_home_page() throws Exception {
        signInFrom("/signin?returnTo=%2F%09%2Fevil.invalid%2F", "signin");
        chromium.awaitPath("/");
        chromium.visible("a#nav-account");
        assertEquals(vitrine.uri("/").getAuthority(), URI.create(chromium.driver().getCurrentUrl()).getAuthority());
    }

    @Test
    void a_return_address_of_this_site_is_kept_with_its_query() throws Exception {
        signInFrom("/signin?returnTo=%2Fdesigners%3Fq%3Dada", "kept");
        chromium.awaitPath("/designers");
        assertEquals("/designers?q=ada", chromium.location());
    }

    @Test
    void the_one_return_function_keeps_same_origin_paths_and_nothing_else() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/designers?q=a%20b#top", "/designers?q=a%20b#top");
        cases.put("/d/42", "/d/42");
        cases.put("/a/../admin/modules", "/admin/modules");
        cases.put("/\t/evil.invalid/", "/");
        cases.put("/\n/evil.invalid/", "/");
        cases.put("/\r/evil.invalid/", "/");
        cases.put("/ /evil.invalid/", "/");
        cases.put("/\\evil.invalid/", "/");
        cases.put("/./" + "/evil.invalid/", "/");
        cases.put("/%2e//evil.invalid/", "/");
        cases.put("//evil.invalid/", "/");
        cases.put("https://evil.invalid/", "/");
        cases.put("javascript:alert(1)", "/");
        cases.put("data:text/html,x", "/");
        cases.put("evil.invalid", "/");
        cases.put("", "/");
        cases.put("/signin?returnTo=/admin", "/");
        cases.put("/register", "/");
        cases.put("/" + "x".repeat(3000), "/");
        chromium.open("/signin");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Object got = chromium.asyncScript("const done = arguments[arguments.length - 1];"
                    + "import('/assets/js/return-to.js').then(m => done(m.safeReturn(arguments[0])), e => done('error: ' + e));",
                    c.getKey());
            if (!c.getValue().equals(got)) {
                wrong.add(c.getKey().replace("\t", "<TAB>").replace("\n", "<LF>").replace("\r", "<CR>") + " -> " + got);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** A new person signs in with the password form of the given sign-in page, in a browser without a session. */
    private static void signInFrom(String page, String who) throws Exception {
        String email = Browser.newEmail(who);
        Browser.registered(vitrine, email, PASSWORD);
        chromium.forgetCookies();
        chromium.open(page);
        chromium.type("input#signin-email", email);
        chromium.type("input#signin-password", PASSWORD);
        chromium.click("button#signin-submit");
    }
}
