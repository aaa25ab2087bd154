package org.vitrine.core.identities;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A connected provider as its owner and admins see it: never a token, never the provider's user id.
 *
 * @param id           the identity's id
 * @param provider     the provider id, e.g. {@code onshape}
 * @param providerName its name, e.g. "Onshape"
 * @param displayName  the person's name at the provider
 * @param linkedAt     when it was connected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentityView(long id, String provider, String providerName, String displayName, Instant linkedAt) {
}
