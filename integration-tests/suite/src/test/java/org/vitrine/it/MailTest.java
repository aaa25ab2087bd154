package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitrine.it.Browser.body;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail as people and admins meet it: a newsletter reaches, over real SMTP, only the accounts that opted in to
 * marketing, with names escaped in the HTML part; without an SMTP server messages are written as .eml files; a
 * server that cannot be reached makes messages fail visibly for admins, who send them again; messages left in the
 * outbox by a stop are sent at the next start.
 */
@Timeout(300)
class MailTest {

    private static final String PASSWORD = "slate kettle 41 by the mill";

    @Test
    void a_newsletter_reaches_over_smtp_only_the_accounts_that_allow_marketing() throws Exception {
        try (Mailbox mail = Mailbox.start(); VitrineInstance vitrine = VitrineInstance.fresh("mail-newsletter").generousSignInLimits()) {
            mail.configure(vitrine).start();
            String ann = Browser.newEmail("ann");
            String bob = Browser.newEmail("bob");
            String cem = Browser.newEmail("cem");
            optIn(vitrine, ann, "<b>Ann</b> & Co", true);
            optIn(vitrine, bob, "Bob", false);
            person(vitrine, cem, "Cem");

            HttpResponse<String> sent = vitrine.postAsAdmin("/api/admin/newsletter",
                    "{\"subject\": \"News from the lab\", \"body\": \"New designs are up.\\n<script>alert(1)</script>\"}");
            assertEquals(200, sent.statusCode(), sent.body());
            JsonNode outcome = VitrineInstance.JSON.readTree(sent.body());
            assertEquals(1, outcome.path("recipients").asInt(), sent.body());
            assertEquals(2, outcome.path("skipped").asInt(), sent.body());

            Mailbox.Received m = mail.await(ann, "News from the lab");
            assertEquals("News from the lab", m.subject());
            assertTrue(m.from().contains("vitrine@example.org"), m.from());
            assertTrue(m.text().contains("Hello <b>Ann</b> & Co,"), m.text());
            assertTrue(m.text().contains("<script>alert(1)</script>"), "plain text is shown as it is: " + m.text());
            assertNotNull(m.html(), "an HTML part");
            assertTrue(m.html().contains("Hello &lt;b&gt;Ann&lt;/b&gt; &amp; Co,"), m.html());
            assertFalse(m.html().contains("<b>Ann</b>"), m.html());
            assertFalse(m.html().contains("<script>"), m.html());
            assertTrue(m.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), m.html());
            assertTrue(m.message().getContentType().startsWith("multipart/alternative"), m.message().getContentType());
            String unsubscribe = m.link("/privacy/settings");
            assertTrue(unsubscribe.startsWith("http"), unsubscribe);

            Thread.sleep(1000);
            assertEquals(0, mail.count(bob), "bob refused marketing: " + mail.subjects());
            assertEquals(0, mail.count(cem), "cem never decided (GDPR: no opt-in, no newsletter): " + mail.subjects());
            assertEquals(1, mail.count(ann));

            List<AuditTrail.Event> audited = AuditTrail.of(vitrine, "mail.newsletter");
            assertEquals(1, audited.size());
            assertEquals("ops-token", audited.get(0).actor());
            assertFalse(audited.get(0).detail().contains("New designs"), "no body in the audit log");
        }
    }

    @Test
    void a_newsletter_needs_a_subject_and_a_body_and_admins_only() throws Exception {
        try (VitrineInstance vitrine = VitrineInstance.fresh("mail-refused").generousSignInLimits()) {
            vitrine.start();
            refused(vitrine, "{\"subject\": \"\", \"body\": \"x\"}", "subject");
            refused(vitrine, "{\"subject\": \"News\\r\\nBcc: x@example.org\", \"body\": \"x\"}", "subject");
            refused(vitrine, "{\"subject\": \"News\"}", "body");
            assertEquals(0, AuditTrail.of(vitrine, "mail.newsletter").size(), "nothing was sent");
            Browser person = Browser.registered(vitrine, Browser.newEmail("eve"), PASSWORD);
            assertEquals(403, person.post("/api/admin/newsletter", body("subject", "News", "body", "x")).status());
            assertEquals(401, new Browser(vitrine).get("/api/admin/mail").status());
            assertEquals(403, person.get("/api/admin/mail").status());
        }
    }

    @Test
    void without_an_smtp_server_messages_are_written_as_eml_files_and_the_log_names_the_file_not_the_address() throws Exception {
        try (VitrineInstance vitrine = VitrineInstance.fresh("mail-files").generousSignInLimits()) {
            vitrine.start();
            String ann = Browser.newEmail("ann");
            optIn(vitrine, ann, "<b>Ann</b>", true);
            HttpResponse<String> sent = vitrine.postAsAdmin("/api/admin/newsletter", "{\"subject\": \"Offline news\", \"body\": \"Hello.\"}");
            assertEquals(200, sent.statusCode(), sent.body());
            assertEquals(1, VitrineInstance.JSON.readTree(sent.body()).path("recipients").asInt());

            Path folder = vitrine.home.resolve("data/mail");
            List<Path> files = emlFiles(folder);
            assertEquals(1, files.size(), "one .eml file in " + folder + ": " + files);
            String name = files.get(0).getFileName().toString();
            assertTrue(name.matches("\\d{8}T\\d{6}Z-[0-9a-f]{12}\\.eml"), name);
            MimeMessage message;
            try (InputStream in = Files.newInputStream(files.get(0))) {
                message = new MimeMessage(Session.getInstance(new Properties()), in);
            }
            assertEquals("Offline news", message.getSubject());
            assertEquals(ann, message.getAllRecipients()[0].toString());
            assertTrue(new String(Files.readAllBytes(files.get(0))).contains("&lt;b&gt;Ann&lt;/b&gt;"));

            String line = vitrine.console().lines().filter(l -> l.contains(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("the log names the file " + name));
            assertTrue(line.contains("smtp.host"), "the log says how to send mail: " + line);
            assertFalse(line.contains(ann), "the log does not name the address: " + line);
            assertEquals(0, VitrineInstance.JSON.readTree(vitrine.getAsAdmin("/api/admin/mail").body()).path("items").size(),
                    "nothing waits to be sent");
        }
    }

    @Test
    void an_unreachable_smtp_server_makes_a_message_fail_visibly_and_an_admin_sends_it_again() throws Exception {
        int port = VitrineInstance.freePort();
        try (VitrineInstance vitrine = VitrineInstance.fresh("mail-failed").generousSignInLimits()) {
            Mailbox.configure(vitrine, port).setting("mail.properties", "retry.attempts", "2")
                    .setting("mail.properties", "retry.first.delay.seconds", "1")
                    .start();
            String ann = Browser.newEmail("ann");
            optIn(vitrine, ann, "Ann", true);
            assertEquals(200, vitrine.postAsAdmin("/api/admin/newsletter", "{\"subject\": \"First try\", \"body\": \"1\"}").statusCode());
            assertEquals(200, vitrine.postAsAdmin("/api/admin/newsletter", "{\"subject\": \"Second try\", \"body\": \"2\"}").statusCode());

            VitrineInstance.await("both messages failed", Duration.ofSeconds(60), () -> failed(vitrine).size() == 2);
            List<JsonNode> failed = failed(vitrine);
            JsonNode first = failed.get(0);
            assertEquals("NEWSLETTER", first.path("template").asText());
            assertEquals(ann, first.path("to").asText());
            assertEquals(2, first.path("attempts").asInt());
            assertFalse(first.path("lastError").asText().isBlank(), first.toString());
            assertFalse(first.path("lastAttemptAt").isNull(), first.toString());
            assertTrue(Files.isRegularFile(vitrine.home.resolve("data/mail/failed/" + first.path("id").asText() + ".eml")));

            List<AuditTrail.Event> reads = AuditTrail.of(vitrine, "personal-data.read");
            assertTrue(reads.size() >= 2, "every read of the outbox is audited: " + reads);
            assertTrue(reads.stream().allMatch(e -> "ops-token".equals(e.actor()) && "mail".equals(e.target())), reads.toString());
            List<AuditTrail.Event> failures = AuditTrail.of(vitrine, "mail.failed");
            assertEquals(2, failures.size(), failures.toString());
            assertFalse(failures.get(0).detail().contains("First try"), "no content in the audit log: " + failures.get(0));
            JsonNode health = VitrineInstance.JSON.readTree(vitrine.get("/api/health").body());
            assertEquals("DEGRADED", health.path("status").asText(), health.toString());

            try (Mailbox mail = Mailbox.startOn(port)) {
                HttpResponse<String> retried = vitrine.postAsAdmin("/api/admin/mail/" + first.path("id").asText() + "/retry", "{}");
                assertEquals(200, retried.statusCode(), retried.body());
                assertEquals("queued", VitrineInstance.JSON.readTree(retried.body()).path("state").asText());
                // the outbox lists the two failures in no fixed order when they failed in the same instant
                Mailbox.Received m = mail.await(ann, " try");
                assertEquals(ann, m.to());

                String second = failed.get(1).path("id").asText();
                HttpResponse<String> discarded = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/api/admin/mail/" + second)).DELETE(),
                        vitrine.token);
                assertEquals(204, discarded.statusCode(), discarded.body());
                VitrineInstance.await("the outbox is empty", Duration.ofSeconds(20), () -> items(vitrine).isEmpty());
                assertEquals(1, mail.count(ann), "the discarded message was not sent: " + mail.subjects());
                assertEquals(404, vitrine.postAsAdmin("/api/admin/mail/" + second + "/retry", "{}").statusCode());
                assertEquals(404, vitrine.postAsAdmin("/api/admin/mail/nonsense/retry", "{}").statusCode());
                int traversal = vitrine.postAsAdmin("/api/admin/mail/..%2F..%2Fsecret/retry", "{}").statusCode();
                assertTrue(traversal == 400 || traversal == 404, "a path in the id is refused: " + traversal);
            }
        }
    }

    @Test
    void messages_left_in_the_outbox_at_a_stop_are_sent_at_the_next_start() throws Exception {
        int port = VitrineInstance.freePort();
        try (VitrineInstance vitrine = VitrineInstance.fresh("mail-restart").generousSignInLimits()) {
            Mailbox.configure(vitrine, port).setting("mail.properties", "retry.first.delay.seconds", "3600")
                    .start();
            String ann = Browser.newEmail("ann");
            optIn(vitrine, ann, "Ann", true);
            assertEquals(200, vitrine.postAsAdmin("/api/admin/newsletter", "{\"subject\": \"Kept news\", \"body\": \"kept\"}").statusCode());
            VitrineInstance.await("the first attempt failed", Duration.ofSeconds(30),
                    () -> items(vitrine).stream().anyMatch(i -> i.path("attempts").asInt() == 1));
            assertEquals("queued", items(vitrine).get(0).path("state").asText());
            vitrine.stop();

            try (Mailbox mail = Mailbox.startOn(port)) {
                vitrine.start();
                mail.await(ann, "Kept news");
                VitrineInstance.await("the outbox is empty", Duration.ofSeconds(20), () -> items(vitrine).isEmpty());
                assertEquals(1, mail.count(ann));
            }
        }
    }

    private static void refused(VitrineInstance vitrine, String json, String mentions) throws Exception {
        HttpResponse<String> response = vitrine.postAsAdmin("/api/admin/newsletter", json);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), response.headers().toString());
        assertTrue(VitrineInstance.JSON.readTree(response.body()).path("detail").asText().contains(mentions), response.body());
    }

    /** Registers a person and records their choice about the newsletter on the privacy settings. */
    private static void optIn(VitrineInstance vitrine, String email, String name, boolean marketing) throws Exception {
        Browser person = person(vitrine, email, name);
        Browser.Reply decided = person.put("/api/consent", body("purposes", Map.of("marketing", marketing), "source", "settings"));
        assertEquals(200, decided.status(), decided.toString());
    }

    /**
     * A signed-in person whose account an admin created: such accounts count as verified, so no verification message
     * joins the messages these tests count (registering sends one, see EmailVerificationTest).
     */
    private static Browser person(VitrineInstance vitrine, String email, String name) throws Exception {
        HttpResponse<String> created = vitrine.postAsAdmin("/api/admin/accounts", VitrineInstance.JSON.writeValueAsString(
                Map.of("email", email, "password", PASSWORD, "displayName", name, "roles", List.of())));
        assertEquals(201, created.statusCode(), created.body());
        return Browser.signedIn(vitrine, email, PASSWORD, "Vitrine integration suite");
    }

    private static List<JsonNode> items(VitrineInstance vitrine) {
        try {
            HttpResponse<String> response = vitrine.getAsAdmin("/api/admin/mail");
            assertEquals(200, response.statusCode(), response.body());
            return Stream.of(VitrineInstance.JSON.readTree(response.body()).path("items")).flatMap(n -> {
                java.util.List<JsonNode> all = new java.util.ArrayList<>();
                n.forEach(all::add);
                return all.stream();
            }).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<JsonNode> failed(VitrineInstance vitrine) {
        return items(vitrine).stream().filter(i -> "failed".equals(i.path("state").asText())).toList();
    }

    private static List<Path> emlFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }
}
