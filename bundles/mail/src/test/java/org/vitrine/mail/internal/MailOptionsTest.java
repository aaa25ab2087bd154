package org.vitrine.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MailOptionsTest {

    @Test
    void the_defaults_write_files_and_would_require_starttls() {
        MailOptions o = MailOptions.of(settings(Map.of()));
        assertFalse(o.smtp());
        assertEquals(MailOptions.Security.STARTTLS, o.security());
        assertEquals("en", o.language());
        assertEquals("true", o.sessionProperties().getProperty("mail.smtp.starttls.required"));
        assertEquals("false", o.sessionProperties().getProperty("mail.smtp.auth"));
    }

    @Test
    void tls_checks_the_server_identity_and_a_user_turns_authentication_on() {
        MailOptions o = MailOptions.of(settings(Map.of("smtp_host", " smtp.example.org ", "smtp_security", "TLS", "smtp_user", "v")));
        assertEquals("smtp.example.org", o.host());
        assertEquals("true", o.sessionProperties().getProperty("mail.smtp.ssl.enable"));
        assertEquals("true", o.sessionProperties().getProperty("mail.smtp.ssl.checkserveridentity"));
        assertEquals("true", o.sessionProperties().getProperty("mail.smtp.auth"));
        assertEquals(null, o.sessionProperties().getProperty("mail.smtp.password"), "the password is given when connecting");
        MailOptions withPassword = MailOptions.of(settings(Map.of("smtp_host", "h", "smtp_user", "v", "smtp_password", "s3cret-value")));
        assertFalse(withPassword.toString().contains("s3cret-value"), withPassword.toString());
    }

    @Test
    void unusable_values_fall_back_to_safe_defaults() {
        MailOptions o = MailOptions.of(settings(Map.of("smtp_security", "plain", "smtp_port", 0, "mail_locale", "../x",
                "retry_attempts", -1)));
        assertEquals(MailOptions.Security.STARTTLS, o.security());
        assertEquals(587, o.port());
        assertEquals("en", o.language());
        assertEquals(6, o.attempts());
    }

    private static MailSettings settings(Map<String, Object> values) {
        return (MailSettings) Proxy.newProxyInstance(MailSettings.class.getClassLoader(), new Class<?>[] {MailSettings.class},
                (p, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }
}
