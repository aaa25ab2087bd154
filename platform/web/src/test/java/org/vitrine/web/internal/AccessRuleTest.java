package org.vitrine.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.Role;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

class AccessRuleTest {

    private static final Caller USER = new Caller("account:1", Set.of(Role.USER), "session", 1L, "s1");
    private static final Caller MODERATOR = new Caller("account:2", Set.of(Role.USER, Role.MODERATOR), "session", 2L, "s2");
    private static final Caller ADMIN = new Caller("account:3", Set.of(Role.USER, Role.ADMIN), "session", 3L, "s3");
    private static final Caller OPS_TOKEN = AdminTokenResolver.OPS;
    private static final Caller NO_ROLES = new Caller("account:4", Set.of(), "session", 4L, "s4");

    static class Undeclared {
        public void open() {
        }
    }

    static class Mixed {
        @PermitAll
        public void everyone() {
        }

        @RolesAllowed("user")
        public void signedIn() {
        }

        @RolesAllowed("moderator")
        public void moderators() {
        }

        @RolesAllowed("admin")
        public void admins() {
        }

        @DenyAll
        public void nobody() {
        }

        @RolesAllowed("admn")
        public void misspelt() {
        }
    }

    @RolesAllowed("admin")
    static class AdminsOnly {
        public void inherited() {
        }

        @PermitAll
        public void overridden() {
        }
    }

    @Test
    void a_method_without_a_declaration_is_refused_to_everyone_including_the_operations_token() throws Exception {
        AccessRule rule = rule(Undeclared.class, "open");
        assertEquals(AccessRule.Kind.NOBODY, rule.kind());
        assertTrue(rule.declaration().contains("declares no access rule"));
        for (Caller caller : new Caller[] {null, USER, MODERATOR, ADMIN, OPS_TOKEN}) {
            assertFalse(rule.admits(caller), String.valueOf(caller));
        }
    }

    @Test
    void roles_are_ranked_admin_above_moderator_above_user() throws Exception {
        assertAdmits(rule(Mixed.class, "everyone"), true, true, true, true, true);
        assertAdmits(rule(Mixed.class, "signedIn"), false, true, true, true, true);
        assertAdmits(rule(Mixed.class, "moderators"), false, false, true, true, true);
        assertAdmits(rule(Mixed.class, "admins"), false, false, false, true, true);
        assertAdmits(rule(Mixed.class, "nobody"), false, false, false, false, false);
    }

    @Test
    void a_caller_without_any_role_is_not_a_user() throws Exception {
        assertFalse(rule(Mixed.class, "signedIn").admits(NO_ROLES));
        assertTrue(rule(Mixed.class, "everyone").admits(NO_ROLES));
    }

    @Test
    void an_unknown_role_name_closes_the_method_instead_of_opening_it() throws Exception {
        AccessRule rule = rule(Mixed.class, "misspelt");
        assertEquals(AccessRule.Kind.NOBODY, rule.kind());
        assertFalse(rule.admits(ADMIN));
        assertTrue(rule.declaration().contains("unknown role"));
    }

    @Test
    void the_method_declaration_wins_over_the_class_declaration() throws Exception {
        assertAdmits(rule(AdminsOnly.class, "inherited"), false, false, false, true, true);
        assertAdmits(rule(AdminsOnly.class, "overridden"), true, true, true, true, true);
    }

    @Test
    void role_names_in_the_security_context_follow_the_same_ranking() {
        assertTrue(AccessRule.holds(ADMIN, "moderator"));
        assertTrue(AccessRule.holds(OPS_TOKEN, "user"));
        assertFalse(AccessRule.holds(MODERATOR, "admin"));
        assertFalse(AccessRule.holds(USER, "moderator"));
        assertFalse(AccessRule.holds(ADMIN, "root"));
    }

    private static AccessRule rule(Class<?> resource, String method) throws NoSuchMethodException {
        Method m = resource.getMethod(method);
        return AccessRule.of(m, resource);
    }

    private static void assertAdmits(AccessRule rule, boolean anonymous, boolean user, boolean moderator, boolean admin,
            boolean opsToken) {
        assertEquals(anonymous, rule.admits(null), "anonymous, " + rule);
        assertEquals(user, rule.admits(USER), "user, " + rule);
        assertEquals(moderator, rule.admits(MODERATOR), "moderator, " + rule);
        assertEquals(admin, rule.admits(ADMIN), "admin, " + rule);
        assertEquals(opsToken, rule.admits(OPS_TOKEN), "ops token, " + rule);
    }
}
