package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin's mail page in Chromium: a newsletter written there goes to those who agreed to it; when the SMTP
 * server cannot be reached the message shows as failed with the server's error, and "Send again" delivers it once
 * the server is back.
 */
@Timeout(300)
class MailInBrowserTest {

    private static final String PASSWORD = "willow lantern 62 past the ford";

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();

    @Test
    void an_admin_sends_a_newsletter_sees_it_fail_and_sends_it_again() throws Exception {
        int port = VitrineInstance.freePort();
        try (VitrineInstance vitrine = VitrineInstance.fresh("browser-mail").generousSignInLimits()) {
            Mailbox.configure(vitrine, port).setting("mail.properties", "retry.attempts", "1")
                    .start();
            chromium.at(vitrine);
            // created by an admin: verified already, so no verification message joins the outbox this test reads
            Browser person = Staff.signedIn(vitrine, "ann", PASSWORD);
            String ann = person.me().json().path("email").asText();
            assertEquals(200, person.put("/api/consent", body("purposes", Map.of("marketing", true), "source", "settings")).status());
            chromium.useSessionOf(Staff.signedIn(vitrine, "mail-admin", PASSWORD, "admin"));

            chromium.open("/admin/mail");
            chromium.awaitText("#mail-summary", "0 messages waiting");
            chromium.type("input#newsletter-subject", "Workshop on Friday");
            chromium.type("textarea#newsletter-body", "Bring your designs.");
            chromium.click("button#newsletter-send");
            chromium.awaitText("#newsletter-done", "Queued for 1 person");

            VitrineInstance.await("the message failed", Duration.ofSeconds(30),
                    () -> get(vitrine).contains("\"failed\":1"));
            chromium.open("/admin/mail");
            String row = "table#mail-outbox tbody tr[data-state=\"failed\"]";
            assertTrue(chromium.visible(row).getText().contains(ann), chromium.visible(row).getText());
            chromium.awaitText(row, "NEWSLETTER");
            chromium.screenshot("admin-mail-failed");

            try (Mailbox mail = Mailbox.startOn(port)) {
                chromium.click(row + " button.mail-retry");
                chromium.awaitText("table#mail-outbox tbody tr", "queued");
                assertEquals("Workshop on Friday", mail.await(ann, "Workshop").subject());
            }
        }
    }

    private static String get(VitrineInstance vitrine) {
        try {
            return vitrine.getAsAdmin("/api/admin/mail").body().replace(" ", "");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
