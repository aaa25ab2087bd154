package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The people pages in Chromium: an admin finds a person by name, opens them, makes them a moderator, disables the
 * account (its session ends) and enables it again.
 */
@Timeout(300)
class AdminPeopleInBrowserTest {

    private static final String PASSWORD = "saffron viaduct 63 past noon";

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();
    private static VitrineInstance vitrine;
    private static Browser admin;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("browser-people").generousSignInLimits().start();
        chromium.at(vitrine);
        admin = Staff.signedIn(vitrine, "browser-people-admin", PASSWORD, "admin");
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void an_admin_finds_a_person_changes_their_roles_and_disables_and_enables_their_account() throws Exception {
        String email = Browser.newEmail("marguerite");
        Browser person = new Browser(vitrine);
        assertEquals(200, person.registerAndSignIn(email, PASSWORD, "Marguerite Perey").status());
        long id = person.me().json().path("id").asLong();

        chromium.useSessionOf(admin);
        chromium.open("/admin/users");
        chromium.visible("nav.tabs a[href='/admin/users'][aria-current=page]");
        chromium.type("input#users-q", "perey");
        chromium.click("button#users-search");
        chromium.awaitText("#users-total", "1 person");
        String row = "table#users tbody tr[data-user-id=\"" + id + "\"]";
        chromium.awaitText(row + " .user-email", email);
        chromium.screenshot("admin-people");
        chromium.click(row + " a.user-link");
        chromium.awaitPath("/admin/users/" + id);
        chromium.awaitText("#user-email", email);
        chromium.awaitText("#user-status", "active");

        chromium.click("input#role-moderator");
        chromium.click("button#user-roles-save");
        chromium.awaitText("#user-notice", "Roles saved");
        assertTrue(person.me().json().path("roles").toString().contains("moderator"), "the person is a moderator now");

        chromium.click("button#user-disable");
        chromium.awaitText("#user-status", "disabled");
        chromium.screenshot("admin-person-disabled");
        assertEquals(401, person.me().status(), "the person's session ended");
        assertEquals(401, new Browser(vitrine).signIn(email, PASSWORD).status(), "and they cannot sign in");

        chromium.click("button#user-enable");
        chromium.awaitText("#user-status", "active");
        assertEquals(200, new Browser(vitrine).signIn(email, PASSWORD).status(), "they sign in again");
    }

    @Test
    void an_admin_cannot_disable_themselves_and_is_told_why() throws Exception {
        long adminId = admin.me().json().path("id").asLong();
        chromium.useSessionOf(admin);
        chromium.open("/admin/users/" + adminId);
        chromium.awaitText("#user-status", "active");

        chromium.click("button#user-disable");

        chromium.awaitText("#user-error[role=alert]", "your own account");
        assertEquals(200, admin.me().status(), "still signed in");
    }
}
