package org.vitrine.api.mail;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Delivers letters: over SMTP when it is configured, otherwise as {@code .eml} files in the data directory
 * (never silently dropped).
 *
 * <p>Threading: thread-safe. {@link #send} returns quickly: it renders and spools the message and hands it to a
 * background sender that retries, so a request never waits for an SMTP server. A message that still fails after
 * the retries is kept and shown to admins.
 */
@ProviderType
public interface Mailer {

    /**
     * Queues a letter.
     *
     * @return {@code true} when it was queued; {@code false} when it is not to be sent: a marketing letter to an
     *         account whose consent does not allow it (or to no account), or an address that was erased
     */
    boolean send(Letter letter);
}
