package org.vitrine.api.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import org.vitrine.api.security.Role;

/**
 * A person's account. Personal fields may be {@code null} (not given, or erased).
 *
 * @param id          stable numeric id
 * @param email       normalised e-mail address (lower case, trimmed)
 * @param displayName the name shown to others
 * @param firstName   optional
 * @param lastName    optional
 * @param company     optional
 * @param avatarUrl   picture of the person (from a provider); optional
 * @param status      whether it may sign in
 * @param roles       always contains {@link Role#USER}
 * @param createdAt   when it was created (UTC)
 */
public record Account(long id, String email, String displayName, String firstName, String lastName, String company,
                      String avatarUrl, AccountStatus status, Set<Role> roles, Instant createdAt) {
    public Account {
        Objects.requireNonNull(status, "status");
        roles = Set.copyOf(roles);
    }
}
