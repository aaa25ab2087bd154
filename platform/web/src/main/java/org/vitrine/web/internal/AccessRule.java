package org.vitrine.web.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.vitrine.api.security.Caller;
import org.vitrine.api.security.Role;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

/**
 * Who may call one resource method, as its standard annotations declare it ({@link PermitAll},
 * {@link RolesAllowed}, {@link DenyAll}; on the method, else on its class, as Jakarta Annotations specify).
 * <p>
 * Role names are {@code user} (any signed-in account, and the operations token), {@code moderator} and
 * {@code admin}. The roles are ranked: an admin may do whatever a moderator may, and both whatever a user may
 * (the same rule the moderation service applies, see {@code DocumentTakedowns.mayModerate}).
 * <p>
 * A method with no declaration, or one naming a role nobody has, is refused to everyone: forgetting to declare
 * an endpoint closes it instead of opening it.
 *
 * @param kind        whom the rule lets in
 * @param roles       for {@link Kind#ROLES}, the roles of which one (or a higher one) is needed
 * @param declaration what the rule asks for in words ("the admin role", "a signed-in account"), or why it
 *                    refuses everyone; problem details quote it
 */
record AccessRule(Kind kind, Set<Role> roles, String declaration) {

    enum Kind {
        /** Anyone, signed in or not. */
        PUBLIC,
        /** A caller holding one of {@link #roles} (or a higher one). */
        ROLES,
        /** Nobody: {@code @DenyAll}, no declaration at all, or a role name nobody has. */
        NOBODY
    }

    /** The role names {@link RolesAllowed} may use, and what each lets in. */
    static final String USER = "user";
    static final String MODERATOR = "moderator";
    static final String ADMIN = "admin";

    /** The rule the annotations of this method (or else of its class) declare. */
    static AccessRule of(Method method, Class<?> resourceClass) {
        return declared(method).or(() -> declared(resourceClass))
                .orElseGet(() -> new AccessRule(Kind.NOBODY, Set.of(), "this endpoint declares no access rule"));
    }

    private static Optional<AccessRule> declared(AnnotatedElement element) {
        if (element == null) {
            return Optional.empty();
        }
        if (element.isAnnotationPresent(DenyAll.class)) {
            return Optional.of(new AccessRule(Kind.NOBODY, Set.of(), "this endpoint is closed to everyone"));
        }
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        if (allowed != null) {
            return Optional.of(roles(allowed.value()));
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return Optional.of(new AccessRule(Kind.PUBLIC, Set.of(), "public"));
        }
        return Optional.empty();
    }

    private static AccessRule roles(String[] names) {
        Set<Role> roles = Arrays.stream(names).map(AccessRule::role).flatMap(Optional::stream).collect(Collectors.toSet());
        if (roles.isEmpty() || roles.size() < names.length) {
            return new AccessRule(Kind.NOBODY, Set.of(), "this endpoint declares an unknown role " + Arrays.toString(names));
        }
        return new AccessRule(Kind.ROLES, roles, roles.stream().sorted().map(AccessRule::needs).collect(Collectors.joining(" or ")));
    }

    private static String needs(Role role) {
        return role == Role.USER ? "a signed-in account" : "the " + role.name().toLowerCase(Locale.ROOT) + " role";
    }

    private static Optional<Role> role(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case USER -> Optional.of(Role.USER);
            case MODERATOR -> Optional.of(Role.MODERATOR);
            case ADMIN -> Optional.of(Role.ADMIN);
            default -> Optional.empty();
        };
    }

    /** Whether this caller (null for nobody signed in) may call the method. */
    boolean admits(Caller caller) {
        return switch (kind) {
            case PUBLIC -> true;
            case NOBODY -> false;
            case ROLES -> caller != null && roles.stream().anyMatch(required -> holds(caller, required));
        };
    }

    /**
     * Whether the caller holds the role or one ranked above it: admin above moderator above user. The
     * operations token holds admin only, and so passes everywhere a role is asked for.
     */
    static boolean holds(Caller caller, Role required) {
        return caller.roles().stream().anyMatch(held -> rank(held) >= rank(required));
    }

    private static int rank(Role role) {
        return switch (role) {
            case USER -> 1;
            case MODERATOR -> 2;
            case ADMIN -> 3;
        };
    }

    /** Whether the caller holds the role of that name ({@code user}, {@code moderator}, {@code admin}) or a higher one. */
    static boolean holds(Caller caller, String roleName) {
        return role(roleName).map(required -> holds(caller, required)).orElse(false);
    }
}
