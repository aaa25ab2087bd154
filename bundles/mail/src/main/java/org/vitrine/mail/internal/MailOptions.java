package org.vitrine.mail.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings in the form the module uses them, checked once: unusable values are logged naming the file and key,
 * and a safe default applies until they are fixed.
 */
record MailOptions(String host, int port, Security security, String user, String password, Duration timeout, String from,
                   String language, int attempts, Duration firstDelay) {

    static final String DEFAULT_FROM = "Vitrine <vitrine@localhost>";
    private static final Logger LOG = LoggerFactory.getLogger(MailOptions.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);

    /** How the connection to the SMTP server is protected. */
    enum Security {
        STARTTLS, TLS, NONE
    }

    MailOptions {
        host = host == null ? "" : host.trim();
        user = user == null ? "" : user.trim();
        password = password == null ? "" : password;
    }

    static MailOptions of(MailSettings s) {
        return new MailOptions(s.smtp_host(), range("smtp.port", s.smtp_port(), 1, 65535, 587), security(s.smtp_security()),
                s.smtp_user(), s.smtp_password(), Duration.ofSeconds(range("smtp.timeout.seconds", s.smtp_timeout_seconds(), 1, 600, 30)),
                s.from() == null || s.from().isBlank() ? DEFAULT_FROM : s.from().trim(),
                language(s.mail_locale()), range("retry.attempts", s.retry_attempts(), 1, 100, 6),
                Duration.ofSeconds(range("retry.first.delay.seconds", s.retry_first_delay_seconds(), 0, 86_400, 30)));
    }

    /** How long kept and failed messages stay in the spool, checked as the other settings are. */
    static Duration spoolRetention(MailSettings s) {
        return Duration.ofDays(range("spool.retention.days", s.spool_retention_days(), 1, 3650, 30));
    }

    /** Without the password, so that logging the options never leaks it. */
    @Override
    public String toString() {
        return "MailOptions[" + security + "://" + (user.isEmpty() ? "" : user + ":***@") + host + ":" + port + ", from " + from
                + ", " + language + ", " + attempts + " attempts]";
    }

    /** Whether an SMTP server is configured; without one, messages are written to files. */
    boolean smtp() {
        return !host.isEmpty();
    }

    /** How long to wait after the given number of failed attempts: the first delay, doubled each time, at most six hours. */
    Duration delayAfter(int failedAttempts) {
        Duration delay = firstDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(LONGEST_WAIT) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : delay;
    }

    /** Jakarta Mail session properties for this server (no secrets: the password is given when connecting). */
    Properties sessionProperties() {
        Properties p = new Properties();
        String millis = Long.toString(timeout.toMillis());
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.connectiontimeout", millis);
        p.setProperty("mail.smtp.timeout", millis);
        p.setProperty("mail.smtp.writetimeout", millis);
        p.setProperty("mail.smtp.auth", Boolean.toString(!user.isEmpty()));
        switch (security) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        return p;
    }

    private static Security security(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "starttls" -> Security.STARTTLS;
            case "tls", "ssl" -> Security.TLS;
            case "none" -> Security.NONE;
            default -> {
                LOG.error("config/mail.properties: smtp.security must be starttls, tls or none, not '{}'; using starttls", value);
                yield Security.STARTTLS;
            }
        };
    }

    private static String language(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (!v.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
            LOG.error("config/mail.properties: mail.locale must be a language such as en or pt-br, not '{}'; using en", value);
            return "en";
        }
        return v;
    }

    private static int range(String key, int value, int min, int max, int fallback) {
        if (value < min || value > max) {
            LOG.error("config/mail.properties: {} must be between {} and {}, not {}; using {}", key, min, max, value, fallback);
            return fallback;
        }
        return value;
    }
}
