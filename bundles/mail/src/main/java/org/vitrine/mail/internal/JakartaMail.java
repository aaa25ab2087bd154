package org.vitrine.mail.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import org.vitrine.api.mail.Letter;
import org.vitrine.api.mail.MailTemplate;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Everything that touches Jakarta Mail: building a message and handing one to an SMTP server. Jakarta Mail and
 * Activation find their providers, mailcap entries and charset maps through the thread's context class loader; they
 * are embedded in this bundle, so every call runs with the bundle's class loader as context.
 */
final class JakartaMail {

    /** Header naming the template of a spooled message, so the outbox can be listed without reading bodies. */
    static final String TEMPLATE_HEADER = "X-Vitrine-Template";

    private JakartaMail() {
    }

    /** The complete message (RFC 5322), multipart/alternative with a UTF-8 plain text and an HTML part. */
    static byte[] build(Letter letter, MessageTemplates.Rendered rendered, String from, Instant now) throws MessagingException, IOException {
        return inBundle(() -> {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(letter.to(), true));
            message.setSubject(rendered.subject(), "UTF-8");
            message.setSentDate(Date.from(now));
            message.setHeader(TEMPLATE_HEADER, letter.template().name());
            message.setHeader("Auto-Submitted", "auto-generated");
            if (letter.template() == MailTemplate.NEWSLETTER) {
                message.setHeader("List-Unsubscribe", "<" + MessageTemplates.oneLine(letter.parameters().get("link")) + ">");
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(rendered.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(rendered.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        });
    }

    /** Checks an address as the message builder would, for the settings. */
    static void checkAddress(String address) throws MessagingException, IOException {
        inBundle(() -> new InternetAddress(address, true));
    }

    /** Delivers a spooled message as it is (its Message-ID and Date stay those it was spooled with). */
    static void deliver(Path eml, MailOptions options) throws MessagingException, IOException {
        inBundle(() -> {
            Session session = Session.getInstance(options.sessionProperties());
            MimeMessage message;
            try (InputStream in = Files.newInputStream(eml)) {
                message = new MimeMessage(session, in);
            }
            message.removeHeader(TEMPLATE_HEADER);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(options.host(), options.port(), options.user().isEmpty() ? null : options.user(),
                        options.user().isEmpty() ? null : options.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
            return null;
        });
    }

    private interface MailWork<T> {
        T run() throws MessagingException, IOException;
    }

    private static <T> T inBundle(MailWork<T> work) throws MessagingException, IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JakartaMail.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
