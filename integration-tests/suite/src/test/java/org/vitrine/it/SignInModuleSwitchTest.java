package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On an installation without any admin account, password sign-in is a module like others: switched off, its
 * endpoints and its entry in the sign-in methods go; switched on, they come back with the accounts intact.
 */
@Timeout(300)
class SignInModuleSwitchTest {

    private static final String PASSWORD = "ember willow 40 past midnight";
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("sign-in-switch").generousSignInLimits().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void without_an_admin_password_sign_in_can_be_switched_off_and_on_again() throws Exception {
        String email = Browser.newEmail("plain-user");
        Browser.registered(vitrine, email, PASSWORD);

        HttpResponse<String> off = vitrine.putAsAdmin("/api/admin/modules/auth-password", "{\"enabled\": false}");
        assertEquals(200, off.statusCode(), off.body());
        assertEquals("disabled", VitrineInstance.JSON.readTree(off.body()).path("state").asText(), off.body());
        awaitSignIn(email, 404);
        assertEquals(404, new Browser(vitrine).register(Browser.newEmail("late"), PASSWORD, "Late").status());
        Browser.Reply methods = new Browser(vitrine).get("/api/auth/methods");
        assertEquals(200, methods.status(), methods.toString());
        assertTrue(methods.json().isArray() && methods.json().isEmpty(), methods.toString());

        HttpResponse<String> on = vitrine.putAsAdmin("/api/admin/modules/auth-password", "{\"enabled\": true}");
        assertEquals(200, on.statusCode(), on.body());
        assertEquals("enabled", VitrineInstance.JSON.readTree(on.body()).path("state").asText(), on.body());
        awaitSignIn(email, 200);
        assertEquals("password", new Browser(vitrine).get("/api/auth/methods").json().path(0).path("id").asText());
    }

    /** A switch reaches the REST layer a moment after its answer: wait for the sign-in endpoint to follow. */
    private static void awaitSignIn(String email, int status) throws InterruptedException {
        VitrineInstance.await("POST /api/auth/password/login to answer " + status, Duration.ofSeconds(20), () -> {
            try {
                return new Browser(vitrine).signIn(email, PASSWORD).status() == status;
            } catch (Exception e) {
                return false;
            }
        });
    }
}
