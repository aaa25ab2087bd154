/**
 * E-mail to people: the messages Vitrine sends ({@link org.vitrine.api.mail.MailTemplate}), what one letter holds
 * ({@link org.vitrine.api.mail.Letter}) and the service that delivers them ({@link org.vitrine.api.mail.Mailer}).
 * Callers never build message bodies: the mail module renders every template, in plain text and escaped HTML,
 * so wording and translations live in one place.
 */
@Version("1.1.0")
@Export
package org.vitrine.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
