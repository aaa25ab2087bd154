package org.vitrine.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The mail module's settings, from {@code config/mail.properties} (PID {@value MailService#PID}). Edits apply while
 * Vitrine runs; messages waiting in the outbox are delivered with the settings of the moment.
 */
@ObjectClassDefinition(name = "Vitrine mail", description = "SMTP server, sender address, language and retries of e-mail")
@interface MailSettings {

    @AttributeDefinition(name = "SMTP host", description = "Empty: no SMTP server, messages are written as .eml files to data/mail")
    String smtp_host() default "";

    @AttributeDefinition(name = "SMTP port", description = "587 for STARTTLS, 465 for TLS, 25 for plain SMTP")
    int smtp_port() default 587;

    @AttributeDefinition(name = "Connection security", description = "starttls, tls or none")
    String smtp_security() default "starttls";

    @AttributeDefinition(name = "SMTP user", description = "Empty: the server needs no authentication")
    String smtp_user() default "";

    @AttributeDefinition(name = "SMTP password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "From the environment: ${env:VITRINE_SMTP_PASSWORD}")
    String smtp_password() default "";

    @AttributeDefinition(name = "Connection timeout", description = "Seconds to connect, and to wait for each answer of the server")
    int smtp_timeout_seconds() default 30;

    @AttributeDefinition(name = "Sender", description = "The From address, e.g. Vitrine <vitrine@example.org>")
    String from() default MailOptions.DEFAULT_FROM;

    @AttributeDefinition(name = "Language", description = "The language of the messages (a folder of templates, e.g. en)")
    String mail_locale() default "en";

    @AttributeDefinition(name = "Attempts", description = "How often a message is tried before it is set aside as failed")
    int retry_attempts() default 6;

    @AttributeDefinition(name = "First delay", description = "Seconds before the second attempt; each further wait doubles")
    int retry_first_delay_seconds() default 30;

    @AttributeDefinition(name = "Keep spooled mail (days)", min = "1", max = "3650",
            description = "Messages written to data/mail (no SMTP server) and failed messages older than this are deleted "
                    + "by the retention job")
    int spool_retention_days() default 30;
}
