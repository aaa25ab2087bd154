package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;
import org.vitrine.it.onshape.FakeUser;

/**
 * Connected providers in Chromium: the account page lists Onshape and disconnects it (or says why it cannot),
 * the import page asks a person whose grant was revoked at Onshape to reconnect, and Sign in with Onshape of an
 * account with two-factor authentication asks for the code before anyone is signed in.
 */
@Timeout(300)
class ConnectedProvidersInBrowserTest {

    private static final String PASSWORD = "meadowsweet ferry 28 at low tide";

    @RegisterExtension
    static final ChromiumSession chromium = new ChromiumSession();
    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("browser-providers"), onshape).generousSignInLimits().start();
        chromium.at(vitrine);
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void a_person_with_a_password_disconnects_onshape_from_the_account_page() throws Exception {
        Browser person = Browser.registered(vitrine, Browser.newEmail("disconnecting"), PASSWORD);
        onshape.signedInUser(FakeUser.named("Dis", "Connecting").withEmail(Browser.newEmail("disconnecting-onshape")));
        OnshapeSignInFlow.signIn(vitrine, person, null);
        long id = person.get("/api/me/identities").json().get(0).path("id").asLong();

        chromium.useSessionOf(person);
        chromium.open("/account");
        String item = "#identities li[data-identity-id=\"" + id + "\"]";
        chromium.awaitText(item + " .identity-provider", "Onshape");
        chromium.awaitText(item + " .identity-name", "Dis Connecting");
        chromium.awaitText("a#account-onshape-connect", "Reconnect Onshape");
        chromium.screenshot("account-connected-providers");
        chromium.click(item + " button.identity-remove");
        chromium.gone(item);

        assertEquals(0, person.get("/api/me/identities").json().size(), "disconnected");
    }

    @Test
    void the_last_way_to_sign_in_is_kept_and_the_page_says_why() throws Exception {
        onshape.signedInUser(FakeUser.named("Only", "Way").withEmail(Browser.newEmail("only-way")));
        Browser person = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, person, null);

        chromium.useSessionOf(person);
        chromium.open("/account");
        chromium.click("#identities button.identity-remove");

        chromium.awaitText("#identities-error[role=alert]", "no way to sign in");
        assertEquals(1, person.get("/api/me/identities").json().size(), "still connected");
    }

    @Test
    void the_import_page_asks_a_person_whose_grant_was_revoked_to_reconnect() throws Exception {
        onshape.signedInUser(FakeUser.named("Re", "Voked").withEmail(Browser.newEmail("revoked")));
        Browser person = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, person, null);
        onshape.revokeGrants();

        chromium.useSessionOf(person);
        chromium.open("/import");

        chromium.awaitText("#import-onshape-revoked[role=alert]", "connect Onshape again");
        chromium.awaitText("a#import-onshape-connect", "Reconnect Onshape");
        chromium.screenshot("import-reconnect-onshape");
    }

    @Test
    void sign_in_with_onshape_of_a_two_factor_account_asks_for_the_code_and_then_lands_signed_in() throws Exception {
        String email = Browser.newEmail("onshape-two-factor");
        onshape.signedInUser(FakeUser.named("Two", "Factor").withEmail(email));
        Browser person = new Browser(vitrine);
        OnshapeSignInFlow.signIn(vitrine, person, null);
        AuthenticatorApp app = SecondFactorSteps.enrol(person).app();

        chromium.forgetCookies();
        chromium.open("/signin?returnTo=%2Faccount");
        chromium.click("a#signin-onshape");

        chromium.awaitPath("/signin");
        chromium.visible("form#signin-code-form input#signin-code");
        assertFalse(chromium.shown("a#nav-account"), "nobody is signed in before the code");
        chromium.screenshot("signin-onshape-second-factor");
        chromium.type("input#signin-code", app.wrongCode());
        chromium.click("button#signin-code-submit");
        chromium.awaitSomeText("#signin-error[role=alert]");
        chromium.type("input#signin-code", app.nextCode());
        chromium.click("button#signin-code-submit");

        chromium.awaitPath("/account");
        chromium.awaitText("#account-email", email.toLowerCase());
        chromium.awaitText("#twofa-status", "on");
        chromium.visible("a#nav-account");
    }
}
