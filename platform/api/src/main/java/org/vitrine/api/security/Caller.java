package org.vitrine.api.security;

import java.util.Objects;
import java.util.Set;

/**
 * Someone whose credentials a {@link CallerResolver} recognised.
 *
 * @param name  how the caller appears in the audit log (an account id, or {@code ops-token})
 * @param roles what the caller may do
 * @param via   how the caller was recognised, e.g. {@code admin-token} or {@code session}
 */
public record Caller(String name, Set<Role> roles, String via) {
    public Caller {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
