package org.vitrine.api.accounts;

import java.time.Instant;

import org.vitrine.api.crypto.Sealed;

/**
 * An account's authenticator-app secret, sealed (never stored in the clear).
 *
 * @param secret       the sealed shared secret
 * @param confirmedAt  when the person proved they hold it; {@code null} while enrolment is pending
 * @param lastUsedStep the 30-second time step of the last accepted code, so no code is accepted twice
 */
public record TotpCredential(Sealed secret, Instant confirmedAt, Long lastUsedStep) {

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
