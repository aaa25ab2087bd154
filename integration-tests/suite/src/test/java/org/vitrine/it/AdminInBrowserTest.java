package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.vitrine.it.onshape.FakeOnshape;

/**
 * The admin pages in Chromium: switching "Sign in with Onshape" off and on from the modules page (the sign-in
 * page follows on its next load), a refused switch with its reason, and the audit log that records them.
 */
@Timeout(300)
class AdminInBrowserTest {

    private static final String ADMIN_PASSWORD = "granite harbour 91 at dawn";
    private static final String ONSHAPE = "auth-onshape";
    private static final String REQUIRED = "store-mariadb";
    private static final String PASSWORD_SIGN_IN = "auth-password";

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();
    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("browser-admin"), onshape).generousSignInLimits().start();
        chromium.at(vitrine);
        admin = Browser.newEmail("admin");
        HttpResponse<String> created = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/api/admin/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VitrineInstance.JSON.writeValueAsString(
                        Browser.body("email", admin, "password", ADMIN_PASSWORD, "displayName", "Ada Admin",
                                "roles", List.of("admin"))))), vitrine.token);
        assertEquals(201, created.statusCode(), created.body());
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void switching_onshape_sign_in_off_removes_its_button_and_switching_it_on_brings_it_back() {
        chromium.forgetCookies();
        chromium.open("/signin");
        chromium.visible("a#signin-onshape");

        signInAsAdmin();
        chromium.open("/admin/modules");
        String row = row(ONSHAPE);
        chromium.awaitText(row + " .module-state", "enabled");
        assertFalse(chromium.visible(row + " .module-name").getText().isBlank(), "its name is shown");
        assertFalse(chromium.visible(row + " .module-category").getText().isBlank(), "its category is shown");
        assertFalse(chromium.visible(row + " .module-version").getText().isBlank(), "its version is shown");
        chromium.screenshot("admin-modules");
        chromium.awaitText(row + " button.module-toggle", "Switch off");
        chromium.click(row + " button.module-toggle");
        chromium.awaitText(row + " .module-state", "disabled");
        chromium.awaitText(row + " button.module-toggle", "Switch on");

        chromium.forgetCookies();
        chromium.open("/signin");
        chromium.visible("form#signin-form");
        assertTrue(chromium.all("a#signin-onshape").isEmpty(), "no Onshape button while its module is off");

        signInAsAdmin();
        chromium.open("/admin/modules");
        chromium.awaitText(row + " .module-state", "disabled");
        chromium.click(row + " button.module-toggle");
        chromium.awaitText(row + " .module-state", "enabled");

        chromium.forgetCookies();
        chromium.open("/signin");
        chromium.visible("a#signin-onshape");
    }

    @Test
    void switching_off_a_required_module_is_refused_with_the_reason_and_changes_nothing() throws Exception {
        assertRefusalShown(REQUIRED, "admin-modules-refused");
    }

    @Test
    void switching_off_the_only_sign_in_method_of_the_admins_is_refused_with_the_reason() throws Exception {
        // the admin signs in with a password only: switching password sign-in off would lock every admin out
        assertRefusalShown(PASSWORD_SIGN_IN, null);
    }

    /** Clicking "Switch off" shows the server's 409 reason in the alert, and the module stays on. */
    private static void assertRefusalShown(String moduleId, String screenshot) throws Exception {
        HttpResponse<String> refusal = vitrine.putAsAdmin("/api/admin/modules/" + moduleId, "{\"enabled\": false}");
        assertEquals(409, refusal.statusCode(), refusal.body());
        String reason = VitrineInstance.JSON.readTree(refusal.body()).path("detail").asText();
        assertFalse(reason.isBlank(), refusal.body());

        signInAsAdmin();
        chromium.open("/admin/modules");
        String row = row(moduleId);
        chromium.awaitText(row + " .module-state", "enabled");
        chromium.click(row + " button.module-toggle");
        chromium.awaitText("#modules-error[role=alert]", reason);
        if (screenshot != null) {
            chromium.screenshot(screenshot);
        }
        chromium.open("/admin/modules");
        chromium.awaitText(row + " .module-state", "enabled");
        assertEquals("enabled", vitrine.module(moduleId).path("state").asText());
    }

    @Test
    void the_audit_page_shows_module_switches_and_filters_by_action() throws Exception {
        HttpResponse<String> off = vitrine.putAsAdmin("/api/admin/modules/" + ONSHAPE, "{\"enabled\": false}");
        assertEquals(200, off.statusCode(), off.body());
        HttpResponse<String> on = vitrine.putAsAdmin("/api/admin/modules/" + ONSHAPE, "{\"enabled\": true}");
        assertEquals(200, on.statusCode(), on.body());

        signInAsAdmin();
        chromium.open("/admin/audit");
        chromium.waitUntil("audit events", ChromiumSession.WAIT, d -> !chromium.all("table#audit tbody tr").isEmpty());
        chromium.screenshot("admin-audit");
        chromium.type("input#audit-action", "module.disable");
        chromium.visible("input#audit-action").sendKeys(Keys.ENTER);
        chromium.waitUntil("only module.disable events", ChromiumSession.WAIT, d -> {
            List<String> rows = chromium.all("table#audit tbody tr").stream().map(WebElement::getText).toList();
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.contains("module.disable"));
        });
        assertTrue(chromium.all("table#audit tbody tr").stream().map(WebElement::getText).anyMatch(r -> r.contains(ONSHAPE)),
                "the switch of " + ONSHAPE + " is listed");
    }

    @Test
    void a_person_who_is_not_an_admin_gets_no_admin_link_and_no_modules() throws Exception {
        Browser person = Browser.registered(vitrine, Browser.newEmail("person"), "velvet compass 26 northward");
        chromium.useSessionOf(person);
        chromium.open("/admin/modules");
        chromium.visible("a#nav-account");
        assertFalse(chromium.shown("a#nav-admin"), "no admin link for a person without the admin role");
        chromium.waitUntil("an alert that explains the refusal", ChromiumSession.WAIT,
                d -> chromium.all("[role=alert]").stream().anyMatch(a -> !a.getText().isBlank()));
        assertTrue(chromium.all("table#modules tbody tr").isEmpty(), "no module listed");
    }

    /** Signs in on the sign-in page as the admin, from whatever state the browser is in. */
    private static void signInAsAdmin() {
        chromium.forgetCookies();
        chromium.open("/signin");
        chromium.type("input#signin-email", admin);
        chromium.type("input#signin-password", ADMIN_PASSWORD);
        chromium.click("button#signin-submit");
        chromium.awaitPath("/");
        chromium.visible("a#nav-admin");
    }

    private static String row(String moduleId) {
        return "table#modules tbody tr[data-module-id=\"" + moduleId + "\"]";
    }
}
