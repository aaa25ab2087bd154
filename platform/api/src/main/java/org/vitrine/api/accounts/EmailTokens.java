package org.vitrine.api.accounts;

import java.time.Duration;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Single-use tokens sent by e-mail (address verification, password reset, e-mail change), kept by the metadata
 * store. A token is 256 random bits, written URL-safe (base64url, 43 characters); only its SHA-256 hash is stored,
 * so a copy of the database opens no account.
 *
 * <p>Threading: thread-safe; every call may block on the database for a few milliseconds.
 */
@ProviderType
public interface EmailTokens {

    /**
     * Issues a token. Unused tokens of the same purpose for the account stop working (only the newest link counts),
     * and tokens that expired long ago are removed.
     *
     * @param newEmail the requested address for {@link EmailTokenPurpose#EMAIL_CHANGE}; {@code null} otherwise
     * @param validFor how long it works
     * @return the token, to be put into a link; it cannot be read back later
     */
    String issue(long accountId, EmailTokenPurpose purpose, String newEmail, Duration validFor);

    /**
     * Redeems a token, atomically: of two concurrent redemptions of one token, exactly one succeeds.
     *
     * @param purposes the purposes accepted here; a token of another purpose is refused as unknown
     * @throws org.vitrine.api.problem.DomainException BAD_REQUEST when the token is unknown (or of another purpose);
     *                                                 GONE when it was used already, expired or was replaced by a
     *                                                 newer one
     */
    EmailToken redeem(String token, Set<EmailTokenPurpose> purposes);
}
