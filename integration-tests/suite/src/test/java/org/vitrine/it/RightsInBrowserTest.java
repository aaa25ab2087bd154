package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In Chromium: the terms page reached from every page's footer, the admin's list of imports with each one's rights
 * confirmation, and the account page's switch for the new-device e-mail.
 */
@Timeout(300)
class RightsInBrowserTest {

    private static final String PASSWORD = "willow lantern 64 by the mill";
    private static final String VERSION = "2027-03-coop";

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();
    private static VitrineInstance vitrine;
    private static String admin;
    private static Browser person;
    private static long job;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("browser-rights").generousSignInLimits()
                .setting("privacy.properties", "terms.version", VERSION)
                .setting("privacy.properties", "terms.text", "Share only your own designs.\\n\\nThey are public.")
                .start();
        chromium.at(vitrine);
        admin = Browser.newEmail("rights-admin");
        HttpResponse<String> created = vitrine.postAsAdmin("/api/admin/accounts", VitrineInstance.JSON.writeValueAsString(
                Map.of("email", admin, "password", PASSWORD, "displayName", "Rita Admin", "roles", List.of("admin"))));
        assertEquals(201, created.statusCode(), created.body());
        person = Browser.registered(vitrine, Browser.newEmail("rights-person"), PASSWORD);
        long personId = person.me().json().path("id").asLong();
        job = CatalogSeed.importJob(vitrine, personId, "completed", LocalDateTime.now(ZoneOffset.UTC));
        try (Connection db = vitrine.database();
             PreparedStatement confirm = db.prepareStatement(
                     "UPDATE import_jobs SET rights_confirmed_at = created_at, terms_version = ? WHERE id = ?")) {
            confirm.setString(1, VERSION);
            confirm.setLong(2, job);
            assertEquals(1, confirm.executeUpdate());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void the_terms_page_is_linked_from_the_footer_and_shows_the_configured_terms() {
        chromium.forgetCookies();
        chromium.open("/");
        chromium.click("a#footer-terms");
        chromium.awaitPath("/terms");
        chromium.awaitText("#terms-version", VERSION);
        assertEquals(List.of("Share only your own designs.", "They are public."),
                chromium.all("#terms-text p").stream().map(p -> p.getText().trim()).toList());
        chromium.open("/terms");
        chromium.awaitText("#terms-version", VERSION);
    }

    @Test
    void an_admin_sees_each_import_with_its_rights_confirmation() {
        chromium.forgetCookies();
        chromium.open("/signin");
        chromium.type("input#signin-email", admin);
        chromium.type("input#signin-password", PASSWORD);
        chromium.click("button#signin-submit");
        chromium.awaitPath("/");
        chromium.open("/admin/audit");
        chromium.click("nav.tabs a[href='/admin/imports']");
        chromium.awaitPath("/admin/imports");
        String row = "table#admin-imports tr[data-job-id=\"" + job + "\"]";
        chromium.awaitText(row + " .terms-version", VERSION);
        assertFalse(chromium.visible(row + " .rights-confirmed").getText().contains("not recorded"));
        assertTrue(chromium.visible(row).getText().contains("Person rights-person"), chromium.visible(row).getText());
        chromium.open("/admin/imports");
        chromium.awaitText(row + " .terms-version", VERSION);
    }

    @Test
    void the_account_page_switches_the_new_device_mail_off_and_on() throws Exception {
        chromium.useSessionOf(person);
        chromium.open("/account");
        assertTrue(chromium.visible("input#new-device-notice").isSelected(), "on for a new account");
        chromium.click("input#new-device-notice");
        VitrineInstance.await("the setting off", Duration.ofSeconds(10), () -> !setting());
        chromium.open("/account");
        assertFalse(chromium.visible("input#new-device-notice").isSelected(), "off after a reload");
        chromium.click("input#new-device-notice");
        VitrineInstance.await("the setting on again", Duration.ofSeconds(10), RightsInBrowserTest::setting);
    }

    private static boolean setting() {
        try {
            return person.me().json().path("newDeviceNotice").asBoolean();
        } catch (Exception e) {
            return false;
        }
    }
}
