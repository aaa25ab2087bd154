package org.vitrine.mail.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.vitrine.api.mail.Letter;
import org.vitrine.api.mail.MailTemplate;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
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
    /** Header naming the account a spooled message is for, so that deleting the account finds it whatever its address. */
    static final String ACCOUNT_HEADER = "X-Vitrine-Account";

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
            if (letter.accountId() != null) {
                message.setHeader(ACCOUNT_HEADER, Long.toString(letter.accountId()));
            }
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
            message.removeHeader(ACCOUNT_HEADER);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(options.host(), options.port(), options.user().isEmpty() ? null : options.user(),
                        options.user().isEmpty() ? null : options.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
            return null;
        });
    }

    /**
     * Whether a spooled message is for the account or goes to the address: its account header names the account, or
     * one of its recipients (To, Cc, Bcc) is the address (compared without regard to case). Only the header block is
     * read, parsed as RFC 5322 headers; an address header that does not parse counts as a match when it holds the
     * address at all, so that a malformed message can never keep an erased address.
     */
    static boolean isFor(Path eml, long accountId, String email) throws IOException {
        InternetHeaders headers = headers(eml);
        if (accountOf(headers).filter(id -> id == accountId).isPresent()) {
            return true;
        }
        if (email == null || email.isBlank()) {
            return false;
        }
        for (String name : List.of("To", "Cc", "Bcc")) {
            String value = headers.getHeader(name, ",");
            if (value != null && goesTo(value, email)) {
                return true;
            }
        }
        return false;
    }

    /** The account a spooled message is for, when it names one. */
    static Optional<Long> accountOf(Path eml) throws IOException {
        return accountOf(headers(eml));
    }

    private static Optional<Long> accountOf(InternetHeaders headers) {
        String account = headers.getHeader(ACCOUNT_HEADER, null);
        try {
            return account == null ? Optional.empty() : Optional.of(Long.parseLong(account.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static InternetHeaders headers(Path eml) throws IOException {
        try {
            return inBundle(() -> {
                try (InputStream in = Files.newInputStream(eml)) {
                    return new InternetHeaders(in);
                }
            });
        } catch (MessagingException e) {
            throw new IOException(eml.getFileName() + " is not a readable message: " + e.getMessage(), e);
        }
    }

    private static boolean goesTo(String header, String email) {
        try {
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                if (email.equalsIgnoreCase(address.getAddress())) {
                    return true;
                }
            }
            return false;
        } catch (AddressException unparsable) {
            return header.toLowerCase(Locale.ROOT).contains(email.toLowerCase(Locale.ROOT));
        }
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
