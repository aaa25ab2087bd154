package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vitrine.it.onshape.FakeOnshape;
import org.vitrine.it.onshape.FakeUser;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The e-mails about a person's account activity, received by a real SMTP server: their data export is ready, a
 * moderator took down a document they imported (not when they removed it themselves), and someone signed in from a
 * device the account had not used (only for a new device, only while the person wants it, never for the first
 * sign-in after registering; for password and Onshape sign-in alike). Links are absolute and lead somewhere.
 */
@Timeout(400)
class AccountNoticesMailTest {

    private static final String PASSWORD = "amber kettle 73 under the bridge";
    private static final String DEVICE = "vitrine_device";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final FakeOnshape onshape = FakeOnshape.start();
    private static Mailbox mail;
    private static VitrineInstance vitrine;

    @BeforeAll
    static void start() throws Exception {
        mail = Mailbox.start();
        vitrine = OnshapeSignInFlow.connect(VitrineInstance.fresh("account-notices"), onshape).generousSignInLimits();
        mail.configure(vitrine);
        vitrine.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (vitrine != null) {
            vitrine.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void a_finished_data_export_is_announced_with_a_link_to_the_account_data_and_its_expiry() throws Exception {
        String email = Browser.newEmail("exporter");
        Browser person = new Browser(vitrine).keepCookie(DEVICE);
        assertEquals(200, person.registerAndSignIn(email, PASSWORD, "Exporter").status());
        long accountId = person.me().json().path("id").asLong();

        assertEquals(202, person.post("/api/me/export", null).status());

        Mailbox.Received ready = awaitMail(email, "export ready", m -> m.text().contains("/account#your-data"));
        String link = ready.link("/account");
        assertTrue(link.endsWith("/account#your-data"), link);
        assertOpens(link);
        JsonNode export = person.get("/api/me/exports").json().path("items").path(0);
        String expires = export.path("expiresAt").asText();
        assertTrue(ready.text().contains(expires.substring(0, 10)), "the expiry day " + expires + " is named:\n" + ready.text());

        String devices = exported(person, export.path("id").asLong(), "known-devices.json");
        String cookie = person.cookie(DEVICE);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cookie.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(devices.contains(hash), "the export lists the known device by its hash: " + devices);
        assertFalse(devices.contains(cookie), "never the cookie itself");

        assertEquals(204, person.delete("/api/me", Browser.body("password", PASSWORD)).status());
        assertEquals(0, Rows.count(vitrine, "SELECT COUNT(*) FROM known_devices WHERE account_id = ?", accountId),
                "known devices are erased with the account");
    }

    @Test
    void a_moderator_taking_a_document_down_tells_its_importer_but_removing_ones_own_does_not() throws Exception {
        String email = Browser.newEmail("importer");
        Browser importer = Browser.registered(vitrine, email, PASSWORD);
        long importerId = importer.me().json().path("id").asLong();
        long own = CatalogSeed.document(vitrine, "Own mistake", importerId, "MIT", true);
        long reported = CatalogSeed.document(vitrine, "Reported sprocket", importerId, "MIT", true);
        Browser moderator = Staff.signedIn(vitrine, "notice-moderator", PASSWORD, "moderator");

        assertEquals(200, importer.post("/api/documents/" + own + "/deletion", Browser.body("reason", "Published by mistake.")).status());
        assertEquals(200, moderator.post("/api/moderation/documents/" + reported + "/disable",
                Browser.body("reason", "spam", "note", "ads only")).status());

        Mailbox.Received disabled = awaitMail(email, "document disabled", m -> m.text().contains("/d/" + reported));
        assertTrue(disabled.text().contains("Reported sprocket"), disabled.text());
        String gone = new Browser(vitrine).get("/api/documents/" + reported).json().path("detail").asText();
        String publicReason = gone.replace("This document was taken down. ", "");
        assertTrue(publicReason.contains("spam"), gone);
        assertTrue(disabled.text().contains(publicReason), "the public reason '" + publicReason + "' is in:\n" + disabled.text());
        // the document's own page, which tells everyone it was taken down (410) and why
        assertOpens(disabled.link("/d/" + reported), 410);
        assertTrue(mail.all(email).stream().noneMatch(m -> m.text().contains("/d/" + own)),
                "no mail for the importer's own removal: " + mail.subjects());
    }

    @Test
    void a_password_sign_in_from_a_new_device_is_told_once_and_only_while_wanted() throws Exception {
        String email = Browser.newEmail("traveller");
        Browser first = new Browser(vitrine).keepCookie(DEVICE);
        assertEquals(200, first.registerAndSignIn(email, PASSWORD, "Traveller").status());
        assertTrue(first.cookie(DEVICE) != null, "the first sign-in after registering hands the browser a device cookie");
        assertTrue(first.me().json().path("newDeviceNotice").asBoolean(), "on for a new account");
        assertEquals(200, first.signIn(email, PASSWORD).status(), "again from the same browser");

        Browser laptop = new Browser(vitrine, "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0").keepCookie(DEVICE);
        assertEquals(200, laptop.signIn(email, PASSWORD).status());
        Mailbox.Received told = awaitMail(email, "new device", m -> m.text().contains("/account#sessions"));
        assertTrue(told.text().contains("Firefox on Linux"), told.text());
        assertOpens(told.link("/account"));
        assertEquals(200, laptop.signIn(email, PASSWORD).status(), "the laptop again, with its cookie");

        assertFalse(laptop.put("/api/me/settings", Browser.body("newDeviceNotice", false)).json().path("newDeviceNotice").asBoolean());
        assertFalse(laptop.me().json().path("newDeviceNotice").asBoolean());
        assertEquals(200, new Browser(vitrine, "OffDuty/1.0 (setting off)").keepCookie(DEVICE).signIn(email, PASSWORD).status());
        assertTrue(laptop.put("/api/me/settings", Browser.body("newDeviceNotice", true)).json().path("newDeviceNotice").asBoolean());
        assertEquals(200, new Browser(vitrine, "OnDuty/2.0 (setting on)").keepCookie(DEVICE).signIn(email, PASSWORD).status());

        awaitMail(email, "the mail for the device after the setting is back on", m -> m.text().contains("OnDuty/2.0"));
        List<Mailbox.Received> notices = mail.all(email).stream().filter(m -> m.text().contains("/account#sessions")).toList();
        assertEquals(2, notices.size(), "the laptop and the last browser, not the first (registration), not a known device, "
                + "not while the setting was off: " + mail.subjects());
        assertEquals(4, Rows.count(vitrine, "SELECT COUNT(*) FROM known_devices k JOIN accounts a ON a.id = k.account_id "
                + "WHERE a.email = ?", email), "every browser the account signed in from is known, once");
    }

    @Test
    void an_onshape_sign_in_from_a_new_device_is_told_too() throws Exception {
        FakeUser user = FakeUser.named("Noor", "Haddad").withEmail("noor.haddad-" + System.nanoTime() + "@example.com");
        onshape.signedInUser(user);
        Browser desk = new Browser(vitrine).keepCookie(DEVICE);
        OnshapeSignInFlow.signIn(vitrine, desk, null);
        assertTrue(desk.cookie(DEVICE) != null, "the Onshape sign-in hands a device cookie");
        desk.signOut();
        OnshapeSignInFlow.signIn(vitrine, desk, null);

        Browser phone = new Browser(vitrine).keepCookie(DEVICE);
        OnshapeSignInFlow.signIn(vitrine, phone, null);

        String email = user.email().toLowerCase(Locale.ROOT);
        awaitMail(email, "new device", m -> m.text().contains("/account#sessions"));
        assertEquals(1, mail.all(email).stream().filter(m -> m.text().contains("/account#sessions")).count(),
                "only the phone is new: " + mail.subjects());
    }

    /** One file of the export's archive, as text. */
    private static String exported(Browser person, long exportId, String name) throws Exception {
        HttpResponse<byte[]> zip = HTTP.send(HttpRequest.newBuilder(vitrine.uri("/api/me/exports/" + exportId + "/download"))
                .header("Cookie", Browser.SESSION_COOKIE + "=" + person.sessionCookie()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return fail("no " + name + " in the archive");
    }

    /** Waits for a message to the address that the condition accepts (whatever else the address receives). */
    private static Mailbox.Received awaitMail(String to, String what, Predicate<Mailbox.Received> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Mailbox.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Mailbox.Received m : mail.all(to)) {
                if (m.text() != null && condition.test(m)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        return fail("no " + what + " mail to " + to + " within " + Mailbox.WAIT.toSeconds() + " s; received: " + mail.subjects());
    }

    /** The link is absolute and its page opens. */
    private static void assertOpens(String link) throws Exception {
        assertOpens(link, 200);
    }

    /** The link is absolute and leads to a page of the web interface, answered with that status. */
    private static void assertOpens(String link, int status) throws Exception {
        URI uri = URI.create(link);
        assertTrue(uri.isAbsolute(), link);
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(vitrine.uri(uri.getRawPath())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, page.statusCode(), link);
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), link + ": " + page.headers());
    }
}
