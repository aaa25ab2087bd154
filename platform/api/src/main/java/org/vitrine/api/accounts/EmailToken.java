package org.vitrine.api.accounts;

import java.time.Instant;
import java.util.Objects;

/**
 * A token that was just redeemed: what it was for. The token itself is never kept.
 *
 * @param accountId the account it was issued to
 * @param purpose   what it was issued for
 * @param newEmail  the requested address, for {@link EmailTokenPurpose#EMAIL_CHANGE} only; otherwise {@code null}
 * @param expiresAt when it would have stopped working
 */
public record EmailToken(long accountId, EmailTokenPurpose purpose, String newEmail, Instant expiresAt) {
    public EmailToken {
        Objects.requireNonNull(purpose, "purpose");
    }
}
