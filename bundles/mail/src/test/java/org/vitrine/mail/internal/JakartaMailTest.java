package org.vitrine.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitrine.api.mail.Letter;
import org.vitrine.api.mail.MailTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

class JakartaMailTest {

    @TempDir
    Path dir;

    @Test
    void a_message_is_multipart_alternative_in_utf8_and_arrives_as_it_was_spooled() throws Exception {
        Letter letter = new Letter(7L, "zoe@example.org", MailTemplate.RESET_PASSWORD,
                Map.of("name", "Zoë <b>", "link", "https://v.example/reset-password?token=abc", "minutes", "30"));
        byte[] eml = JakartaMail.build(letter, new MessageTemplates().render(letter.template(), letter.parameters(), "en"),
                "Vitrine <vitrine@example.org>", Instant.parse("2026-11-26T10:00:00Z"));
        Path file = Files.write(dir.resolve("m.eml"), eml);

        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            int port = server.getSmtp().getPort();
            JakartaMail.deliver(file, new MailOptions("127.0.0.1", port, MailOptions.Security.NONE, "", "", Duration.ofSeconds(5),
                    "Vitrine <vitrine@example.org>", "en", 1, Duration.ZERO));
            assertTrue(server.waitForIncomingEmail(5000, 1));
            MimeMessage received = server.getReceivedMessages()[0];
            assertEquals("Reset your Vitrine password", received.getSubject());
            assertEquals("zoe@example.org", received.getAllRecipients()[0].toString());
            assertTrue(received.getContentType().startsWith("multipart/alternative"), received.getContentType());
            MimeMultipart parts = (MimeMultipart) received.getContent();
            assertTrue(parts.getBodyPart(0).getContentType().toLowerCase().contains("text/plain; charset=utf-8"));
            assertTrue(parts.getBodyPart(1).getContentType().toLowerCase().contains("text/html; charset=utf-8"));
            assertTrue(((String) parts.getBodyPart(0).getContent()).contains("Hello Zoë <b>,"));
            assertTrue(((String) parts.getBodyPart(1).getContent()).contains("Hello Zoë &lt;b&gt;,"));
            assertEquals(null, received.getHeader(JakartaMail.TEMPLATE_HEADER), "the spool's own header stays home");
            String spooledId = new String(eml).lines().filter(l -> l.startsWith("Message-ID:")).findFirst().orElseThrow();
            assertTrue(GreenMailUtil.getHeaders(received).contains(spooledId), "the Message-ID is kept: " + spooledId);
        } finally {
            server.stop();
        }
    }
}
