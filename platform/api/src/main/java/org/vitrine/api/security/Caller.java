package org.vitrine.api.security;

import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Someone whose credentials a {@link CallerResolver} recognised. Resources receive it as the user principal
 * of the request's {@code SecurityContext}: {@code Caller.of(securityContext.getUserPrincipal())}.
 *
 * @param name      how the caller appears in the audit log (an account id, or {@code ops-token})
 * @param roles     what the caller may do
 * @param via       how the caller was recognised, e.g. {@code admin-token} or {@code session}
 * @param accountId the signed-in account, or {@code null} for the operations token
 * @param sessionId the session the request came with, or {@code null}
 */
public record Caller(String name, Set<Role> roles, String via, Long accountId, String sessionId) implements Principal {
    public Caller {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    public Caller(String name, Set<Role> roles, String via) {
        this(name, roles, via, null, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public String getName() {
        return name;
    }

    /** The caller behind a request's principal, if a resolver recognised one. */
    public static Optional<Caller> of(Principal principal) {
        return principal instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }
}
