package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server on a loopback port (GreenMail) that a Vitrine instance sends its mail to, and what it
 * received, read back as a person's mail program would: subject, plain text part, HTML part, links.
 */
final class Mailbox implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

    /** One received message. */
    record Received(String to, String from, String subject, String text, String html, MimeMessage message) {

        /** The first absolute link in the plain text part whose path starts with {@code pathPrefix}. */
        String link(String pathPrefix) {
            Matcher m = LINK.matcher(text == null ? "" : text);
            while (m.find()) {
                String link = m.group();
                String path = java.net.URI.create(link).getPath();
                if (path != null && path.startsWith(pathPrefix)) {
                    return link;
                }
            }
            return fail("no link to " + pathPrefix + " in the message '" + subject + "':\n" + text);
        }
    }

    private final GreenMail server;
    private final int port;

    private Mailbox(int port) {
        this.port = port;
        this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.server.start();
    }

    /** Starts an SMTP server on a free loopback port. */
    static Mailbox start() throws IOException {
        return new Mailbox(VitrineInstance.freePort());
    }

    /** Starts an SMTP server on the given loopback port (e.g. one an instance has been failing to reach). */
    static Mailbox startOn(int port) {
        return new Mailbox(port);
    }

    int port() {
        return port;
    }

    /** Points the instance's mail module at this server (plain SMTP on loopback, no authentication). */
    VitrineInstance configure(VitrineInstance vitrine) throws IOException {
        return configure(vitrine, port);
    }

    /**
     * Points the instance's mail module at plain SMTP on a loopback port, whether a server listens there yet or not
     * (to see messages fail, then {@link #startOn} that port).
     */
    static VitrineInstance configure(VitrineInstance vitrine, int port) throws IOException {
        return vitrine.setting("mail.properties", "smtp.host", "127.0.0.1")
                .setting("mail.properties", "smtp.port", Integer.toString(port))
                .setting("mail.properties", "smtp.security", "none")
                .setting("mail.properties", "from", "Vitrine <vitrine@example.org>");
    }

    /** Every message received so far for the address, oldest first. */
    List<Received> all(String to) {
        List<Received> found = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            Received r = read(m);
            if (r.to().equalsIgnoreCase(to)) {
                found.add(r);
            }
        }
        return found;
    }

    /** How many messages the address received so far. */
    int count(String to) {
        return all(to).size();
    }

    /** Waits (up to {@link #WAIT}) for a message to the address whose subject contains {@code subjectPart}. */
    Received await(String to, String subjectPart) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : all(to)) {
                if (r.subject() != null && r.subject().toLowerCase(Locale.ROOT).contains(subjectPart.toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
            sleep();
        }
        return fail("no message to " + to + " with '" + subjectPart + "' in its subject within " + WAIT.toSeconds()
                + " s; received: " + subjects());
    }

    /** Waits until the address has received {@code count} messages in all, and returns the newest. */
    Received awaitCount(String to, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> found = all(to);
            if (found.size() >= count) {
                return found.get(count - 1);
            }
            sleep();
        }
        return fail("expected " + count + " messages to " + to + " within " + WAIT.toSeconds() + " s; received: " + subjects());
    }

    /** Subject fragments of the messages the suite waits for: a notice sent meanwhile (a new device) does not count. */
    static final String VERIFY = "Confirm your e-mail address";
    static final String RESET = "Reset your Vitrine password";
    static final String CHANGED = "address of your Vitrine account was changed";

    /** The messages received so far for the address whose subject contains {@code subjectPart}, oldest first. */
    List<Received> all(String to, String subjectPart) {
        return all(to).stream().filter(r -> r.subject() != null
                && r.subject().toLowerCase(Locale.ROOT).contains(subjectPart.toLowerCase(Locale.ROOT))).toList();
    }

    /** How many messages with that subject the address received so far. */
    int count(String to, String subjectPart) {
        return all(to, subjectPart).size();
    }

    /** Waits until the address has received {@code count} messages with that subject, and returns the newest of them. */
    Received awaitCount(String to, String subjectPart, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> found = all(to, subjectPart);
            if (found.size() >= count) {
                return found.get(count - 1);
            }
            sleep();
        }
        return fail("expected " + count + " messages to " + to + " with '" + subjectPart + "' within " + WAIT.toSeconds()
                + " s; received: " + subjects());
    }

    /** Subjects of everything received, with their recipients, for failure messages. */
    List<String> subjects() {
        List<String> all = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            Received r = read(m);
            all.add(r.to() + ": " + r.subject());
        }
        return all;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static Received read(MimeMessage m) {
        try {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            Address[] from = m.getFrom();
            String[] parts = new String[2];
            collect(m, parts);
            return new Received(to == null || to.length == 0 ? "" : address(to[0]), from == null || from.length == 0 ? "" : from[0].toString(),
                    m.getSubject(), parts[0], parts[1], m);
        } catch (MessagingException | IOException e) {
            return fail("unreadable message: " + e);
        }
    }

    private static String address(Address a) {
        return a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString();
    }

    private static void collect(Part part, String[] parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && parts[0] == null) {
            parts[0] = part.getContent().toString();
        } else if (part.isMimeType("text/html") && parts[1] == null) {
            parts[1] = part.getContent().toString();
        } else if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), parts);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
