package org.vitrine.api.mail;

import java.util.List;

import org.vitrine.api.consent.Purpose;

/**
 * The messages Vitrine sends, each with the purpose it is sent under and the parameters its wording uses.
 * Transactional messages are sent under {@link Purpose#NECESSARY}; a {@link Purpose#MARKETING} message only goes
 * to an account whose consent allows it (the {@link Mailer} asks the consent service).
 */
public enum MailTemplate {
    /** After registration or on request: a link that proves the address. Parameters: name, link, hours. */
    VERIFY_ADDRESS(Purpose.NECESSARY, List.of("name", "link", "hours")),
    /** A link to choose a new password. Parameters: name, link, minutes. */
    RESET_PASSWORD(Purpose.NECESSARY, List.of("name", "link", "minutes")),
    /** To the old address, after the e-mail address of the account was changed. Parameters: name, newEmail. */
    EMAIL_CHANGED(Purpose.NECESSARY, List.of("name", "newEmail")),
    /** The archive of the person's data can be downloaded. Parameters: name, link, expiresAt. */
    EXPORT_READY(Purpose.NECESSARY, List.of("name", "link", "expiresAt")),
    /** A moderator took a document the person imported down. Parameters: name, document, reason, link. */
    DOCUMENT_DISABLED(Purpose.NECESSARY, List.of("name", "document", "reason", "link")),
    /** Someone signed in to the account from a device not seen before. Parameters: name, when, device, ip, link. */
    NEW_DEVICE_SIGN_IN(Purpose.NECESSARY, List.of("name", "when", "device", "ip", "link")),
    /**
     * Someone tried to register a new account with the address of an existing one (perhaps its owner, who forgot).
     * Parameters: name, signInLink, resetLink.
     */
    REGISTRATION_ATTEMPT(Purpose.NECESSARY, List.of("name", "signInLink", "resetLink")),
    /** A newsletter written by an admin. Parameters: name, subject, body, link (where to unsubscribe). */
    NEWSLETTER(Purpose.MARKETING, List.of("name", "subject", "body", "link"));

    private final String purpose;
    private final List<String> parameters;

    MailTemplate(String purpose, List<String> parameters) {
        this.purpose = purpose;
        this.parameters = parameters;
    }

    /** The consent purpose the message is sent under, a {@link Purpose} id. */
    public String purpose() {
        return purpose;
    }

    /** The names of the parameters the wording uses; a letter must give each of them. */
    public List<String> parameters() {
        return parameters;
    }
}
