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
import org.openqa.selenium.support.ui.Select;

/**
 * Reports, removal and moderation in Chromium: anyone reports a design; a moderator finds the report in the queue,
 * takes the design down (its page then says so), restores it and closes the report with a note; the importer
 * removes their own design after a confirmation and an admin restores it; people without the role see no queue.
 */
@Timeout(600)
class ModerationInBrowserTest {

    private static final String PASSWORD = "granite harbour 91 at dawn";

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();
    private static VitrineInstance vitrine;
    private static String moderator;
    private static String admin;
    private static String importer;
    private static String someone;
    private static long importerId;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("browser-moderation").generousSignInLimits().start();
        chromium.at(vitrine);
        moderator = account("moderator", "Mona Moderator", "moderator");
        admin = account("admin", "Ada Admin", "admin");
        importer = account("importer", "Ivo Importer", "user");
        someone = account("someone", "Sam Someone", "user");
        importerId = Browser.signedIn(vitrine, importer, PASSWORD, "importer").me().json().path("id").asLong();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void a_report_reaches_the_queue_and_the_moderator_takes_the_design_down_restores_it_and_closes_the_report() throws Exception {
        long document = CatalogSeed.document(vitrine, "Suspicious bracket", importerId, "CC-BY-4.0", true);
        CatalogSeed.details(vitrine, document);

        chromium.forgetCookies();
        chromium.open("/d/" + document);
        chromium.click("button#doc-report");
        new Select(chromium.visible("select#report-reason")).selectByValue("copyright");
        chromium.type("textarea#report-message", "Copied from my <b>shop</b> listing.");
        chromium.screenshot("document-report");
        chromium.click("button#report-submit");
        chromium.awaitText("#report-done", "moderators");
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM reports WHERE document_id = ? AND reason = 'copyright' AND state = 'open'",
                document));
        assertFalse(chromium.shown("button#doc-remove"), "only its importer or an admin may remove it");

        signInAs(moderator);
        chromium.open("/");
        chromium.click("a#nav-moderation");
        chromium.awaitPath("/moderation");
        String row = reportRow(document);
        chromium.awaitText(row + " .report-message", "Copied from my <b>shop</b> listing.");
        chromium.awaitText(row + " a.report-document", "Suspicious bracket");
        chromium.screenshot("moderation");

        chromium.type(row + " textarea.report-note", "Confirmed with the rights holder.");
        chromium.click(row + " button.report-disable");
        chromium.waitUntil("the design taken down", ChromiumSession.WAIT,
                d -> "disabled".equals(chromium.visible(row).getDomAttribute("data-document-status")));
        chromium.visible(row + " button.report-restore");
        assertEquals(410, vitrine.get("/api/documents/" + document).statusCode(), "taken down for everyone");

        chromium.click(row + " a.report-document");
        chromium.awaitPath("/d/" + document);
        chromium.visible("#doc-gone");
        chromium.awaitText("#doc-gone-reason", "taken down");
        chromium.screenshot("document-taken-down");
        chromium.driver().navigate().back();
        chromium.awaitPath("/moderation");

        String again = reportRow(document);
        chromium.click(again + " button.report-restore");
        chromium.waitUntil("the design restored", ChromiumSession.WAIT,
                d -> "public".equals(chromium.visible(again).getDomAttribute("data-document-status")));
        assertEquals(200, vitrine.get("/api/documents/" + document).statusCode(), "public again");

        chromium.click(again + " button.report-close");
        chromium.awaitSomeText(again + " .report-error[role=alert]");
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM reports WHERE document_id = ? AND state = 'open'", document),
                "no report is closed without a note");
        chromium.type(again + " textarea.report-note", "Restored: the licence was cleared up.");
        chromium.click(again + " button.report-close");
        chromium.waitUntil("the report closed", ChromiumSession.WAIT, d -> "closed".equals(chromium.visible(again).getDomAttribute("data-state")));
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM reports WHERE document_id = ? AND state = 'closed' "
                + "AND resolution_note = 'Restored: the licence was cleared up.'", document));

        chromium.open("/moderation");
        assertTrue(chromium.all("table#reports tbody tr[data-document-id=\"" + document + "\"]").isEmpty(), "gone from the open queue");
        chromium.open("/moderation?state=closed");
        chromium.awaitText(reportRow(document), "Restored: the licence was cleared up.");
    }

    @Test
    void the_importer_removes_a_design_after_confirming_and_an_admin_restores_it() throws Exception {
        long document = CatalogSeed.document(vitrine, "Old prototype", importerId, "CC-BY-4.0", true);

        signInAs(someone);
        chromium.open("/d/" + document);
        chromium.visible("button#doc-report");
        assertFalse(chromium.shown("button#doc-remove"), "someone else may not remove it");

        signInAs(importer);
        chromium.open("/d/" + document);
        chromium.click("button#doc-remove");
        chromium.visible("button#doc-remove-confirm");
        chromium.screenshot("document-remove-confirm");
        assertEquals(200, vitrine.get("/api/documents/" + document).statusCode(), "nothing happens before the confirmation");
        chromium.click("button#doc-remove-cancel");
        chromium.gone("button#doc-remove-confirm");
        chromium.click("button#doc-remove");
        chromium.click("button#doc-remove-confirm");
        chromium.visible("#doc-gone");
        assertEquals(410, vitrine.get("/api/documents/" + document).statusCode());
        assertEquals(1, Rows.count(vitrine, "SELECT COUNT(*) FROM documents WHERE id = ? AND status = 'disabled'", document),
                "taken down, not erased");

        signInAs(admin);
        chromium.open("/moderation");
        chromium.type("input#restore-document-id", Long.toString(document));
        chromium.click("button#restore-document");
        chromium.awaitText(".admin-restore [role=status]", "Restored");
        assertEquals(200, vitrine.get("/api/documents/" + document).statusCode(), "the admin brought it back");
        chromium.open("/d/" + document);
        chromium.awaitText("h1#doc-name", "Old prototype");
    }

    @Test
    void only_moderators_and_admins_see_the_queue() {
        signInAs(someone);
        chromium.open("/");
        chromium.visible("a#nav-account");
        assertFalse(chromium.shown("a#nav-moderation"), "no moderation link for a regular account");
        chromium.open("/moderation");
        chromium.awaitText("main [role=alert]", "moderators");
        assertTrue(chromium.all("table#reports").isEmpty());

        chromium.forgetCookies();
        chromium.open("/moderation");
        chromium.awaitText("main h1", "sign in");

        signInAs(admin);
        chromium.open("/");
        chromium.visible("a#nav-moderation");
    }

    private static String reportRow(long document) {
        String css = "table#reports tbody tr[data-report-id][data-document-id=\"" + document + "\"]";
        chromium.visible(css);
        return css;
    }

    private static void signInAs(String email) {
        try {
            chromium.useSessionOf(Browser.signedIn(vitrine, email, PASSWORD, "Chromium"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign in " + email, e);
        }
    }

    /** A new account with a password and one role; returns its e-mail address. */
    private static String account(String who, String name, String role) throws Exception {
        String email = Browser.newEmail(who);
        HttpResponse<String> created = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/api/admin/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VitrineInstance.JSON.writeValueAsString(
                        Browser.body("email", email, "password", PASSWORD, "displayName", name, "roles", List.of(role))))), vitrine.token);
        assertEquals(201, created.statusCode(), created.body());
        return email;
    }
}
