package org.vitrine.api.identity;

import java.time.Instant;

/**
 * A person's identity at a provider, linked to an account.
 *
 * @param id          stable numeric id
 * @param accountId   the account it signs in to
 * @param provider    e.g. {@code onshape}
 * @param externalId  the provider's user id
 * @param displayName the name the provider gave
 * @param email       the address the provider gave; may be null
 * @param linkedAt    when it was linked (UTC)
 */
public record Identity(long id, long accountId, String provider, String externalId, String displayName, String email,
                       Instant linkedAt) {
}
