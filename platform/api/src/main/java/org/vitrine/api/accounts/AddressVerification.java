package org.vitrine.api.accounts;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends the message that proves an account's e-mail address ({@code VERIFY_ADDRESS}, with an absolute link built
 * from the platform's public address). Modules that create accounts call it; the platform redeems the link.
 *
 * <p>Threading: thread-safe; returns quickly (the mail is queued, not sent on the caller's thread).
 */
@ProviderType
public interface AddressVerification {

    /**
     * Sends a new verification link to the account's address; earlier links stop working. Does nothing when the
     * account has no address or it is verified already.
     */
    void send(long accountId);
}
