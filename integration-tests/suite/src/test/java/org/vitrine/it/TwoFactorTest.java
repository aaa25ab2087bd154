package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;
import static org.vitrine.it.Problems.assertProblem;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two-factor authentication with an authenticator app (RFC 6238): enrolment, confirmation with a first code
 * and the recovery codes, sign-in with a code or a recovery code (each usable once), and turning it off.
 * The codes are computed here, as the person's phone would.
 */
@Timeout(300)
class TwoFactorTest {

    private static final String PASSWORD = "granite puffin 73 by the weir";
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        vitrine = VitrineInstance.fresh("two-factor").generousSignInLimits().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
    }

    @Test
    void enrolling_shows_the_secret_as_text_as_an_otpauth_uri_and_as_a_qr_code() throws Exception {
        String email = Browser.newEmail("enrol");
        Browser browser = Browser.registered(vitrine, email, PASSWORD);

        Browser.Reply reply = browser.post("/api/me/2fa", null);
        assertEquals(200, reply.status(), reply.toString());
        String secret = reply.json().path("secret").asText();
        assertTrue(secret.matches("[A-Z2-7]{26,}"), "a base32 secret of at least 128 bits: " + secret);

        URI otpauth = URI.create(reply.json().path("otpauthUri").asText());
        assertEquals("otpauth", otpauth.getScheme(), otpauth.toString());
        assertEquals("totp", otpauth.getHost(), otpauth.toString());
        assertTrue(URLDecoder.decode(otpauth.getRawPath(), StandardCharsets.UTF_8).contains(email), otpauth.toString());
        Map<String, String> query = query(otpauth);
        assertEquals(secret, query.get("secret"), otpauth.toString());
        assertFalse(query.getOrDefault("issuer", "").isBlank(), otpauth.toString());

        String qrCode = reply.json().path("qrCode").asText();
        String prefix = "data:image/png;base64,";
        assertTrue(qrCode.startsWith(prefix), qrCode.substring(0, Math.min(60, qrCode.length())));
        byte[] png = Base64.getDecoder().decode(qrCode.substring(prefix.length()));
        assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1), "PNG signature");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "the PNG decodes");
        assertTrue(image.getWidth() >= 100 && image.getWidth() == image.getHeight(), image.toString());

        assertFalse(browser.me().json().path("twoFactorEnabled").asBoolean(true), "not on before a first code confirms it");
        assertEquals(200, new Browser(vitrine).signIn(email, PASSWORD).status(), "sign-in needs no code yet");
    }

    @Test
    void confirming_with_a_wrong_code_is_refused_and_leaves_two_factor_off() throws Exception {
        String email = Browser.newEmail("confirm-wrong");
        Browser browser = Browser.registered(vitrine, email, PASSWORD);
        AuthenticatorApp app = new AuthenticatorApp(browser.post("/api/me/2fa", null).json().path("secret").asText());

        assertProblem(browser.post("/api/me/2fa/confirm", body("code", app.wrongCode())), 400, "");
        assertFalse(browser.me().json().path("twoFactorEnabled").asBoolean(true));
        assertEquals(200, new Browser(vitrine).signIn(email, PASSWORD).status(), "sign-in still needs no code");
    }

    @Test
    void once_confirmed_signing_in_needs_a_current_code_and_each_code_works_once() throws Exception {
        String email = Browser.newEmail("totp");
        Browser browser = Browser.registered(vitrine, email, PASSWORD);
        long id = browser.me().json().path("id").asLong();
        AuthenticatorApp app = new AuthenticatorApp(browser.post("/api/me/2fa", null).json().path("secret").asText());

        String confirmCode = app.currentCode();
        Browser.Reply confirmed = browser.post("/api/me/2fa/confirm", body("code", confirmCode));
        assertEquals(200, confirmed.status(), confirmed.toString());
        List<String> recoveryCodes = strings(confirmed.json().path("recoveryCodes"));
        assertEquals(10, recoveryCodes.size(), confirmed.toString());
        assertEquals(10, new HashSet<>(recoveryCodes).size(), "all different");
        assertTrue(browser.me().json().path("twoFactorEnabled").asBoolean(), "two-factor is on");
        assertTrue(AuditTrail.of(vitrine, "2fa.enable").stream()
                .anyMatch(e -> e.outcome().equals("success") && ("account:" + id).equals(e.target())), "in the audit log");

        SecondFactorSteps.assertAwaitsCode(new Browser(vitrine).signIn(email, PASSWORD));
        assertProblem(signIn(email, PASSWORD, "totp", app.wrongCode()), 401, "");
        assertProblem(signIn(email, PASSWORD, "totp", confirmCode), 401, "");

        String code = app.nextCode();
        Browser phone = new Browser(vitrine);
        Browser.Reply signedIn = phone.post("/api/auth/password/login", body("email", email, "password", PASSWORD, "totp", code));
        assertEquals(200, signedIn.status(), signedIn.toString());
        assertEquals(200, phone.me().status());

        assertProblem(signIn(email, PASSWORD, "totp", code), 401, "");
    }

    @Test
    void a_recovery_code_signs_in_once() throws Exception {
        String email = Browser.newEmail("recovery");
        List<String> recoveryCodes = enrol(Browser.registered(vitrine, email, PASSWORD));

        assertEquals(200, signIn(email, PASSWORD, "recoveryCode", recoveryCodes.get(0)).status());
        assertProblem(signIn(email, PASSWORD, "recoveryCode", recoveryCodes.get(0)), 401, "");
        assertEquals(200, signIn(email, PASSWORD, "recoveryCode", recoveryCodes.get(1)).status(), "the others still work");
        assertProblem(signIn(email, "wrong password 77 here", "recoveryCode", recoveryCodes.get(2)), 401, "");
        assertProblem(signIn(email, PASSWORD, "recoveryCode", "aaaa-bbbb-cccc"), 401, "");
    }

    @Test
    void turning_two_factor_off_needs_the_password_and_a_current_code() throws Exception {
        String email = Browser.newEmail("disable");
        Browser browser = Browser.registered(vitrine, email, PASSWORD);
        AuthenticatorApp app = new AuthenticatorApp(browser.post("/api/me/2fa", null).json().path("secret").asText());
        assertEquals(200, browser.post("/api/me/2fa/confirm", body("code", app.currentCode())).status());

        assertProblem(browser.delete("/api/me/2fa", body("password", PASSWORD, "code", app.wrongCode())), 403, "");
        assertTrue(browser.me().json().path("twoFactorEnabled").asBoolean(), "still on");
        SecondFactorSteps.assertAwaitsCode(new Browser(vitrine).signIn(email, PASSWORD));

        Browser.Reply off = browser.delete("/api/me/2fa", body("password", PASSWORD, "code", app.nextCode()));
        assertEquals(204, off.status(), off.toString());
        assertFalse(browser.me().json().path("twoFactorEnabled").asBoolean(true), "off");
        assertEquals(200, new Browser(vitrine).signIn(email, PASSWORD).status(), "sign-in needs no code any more");
    }

    @Test
    void a_code_sent_by_several_sign_ins_at_once_signs_in_only_one() throws Exception {
        String email = Browser.newEmail("totp-race");
        Browser browser = Browser.registered(vitrine, email, PASSWORD);
        AuthenticatorApp app = new AuthenticatorApp(browser.post("/api/me/2fa", null).json().path("secret").asText());
        assertEquals(200, browser.post("/api/me/2fa/confirm", body("code", app.currentCode())).status());

        String code = app.nextCode();
        assertEquals(List.of(200, 401, 401, 401), AtOnce.statuses(4, () -> signIn(email, PASSWORD, "totp", code)));
    }

    @Test
    void a_recovery_code_sent_by_several_sign_ins_at_once_signs_in_only_one() throws Exception {
        String email = Browser.newEmail("recovery-race");
        String recoveryCode = enrol(Browser.registered(vitrine, email, PASSWORD)).get(0);
        assertEquals(List.of(200, 401, 401, 401), AtOnce.statuses(4, () -> signIn(email, PASSWORD, "recoveryCode", recoveryCode)));
    }

    /** Enrols and confirms an authenticator app for the signed-in person; returns the recovery codes. */
    private static List<String> enrol(Browser browser) throws Exception {
        AuthenticatorApp app = new AuthenticatorApp(browser.post("/api/me/2fa", null).json().path("secret").asText());
        Browser.Reply confirmed = browser.post("/api/me/2fa/confirm", body("code", app.currentCode()));
        assertEquals(200, confirmed.status(), confirmed.toString());
        return strings(confirmed.json().path("recoveryCodes"));
    }

    private static Browser.Reply signIn(String email, String password, String factor, String value) throws Exception {
        return new Browser(vitrine).post("/api/auth/password/login", body("email", email, "password", password, factor, value));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }
}
