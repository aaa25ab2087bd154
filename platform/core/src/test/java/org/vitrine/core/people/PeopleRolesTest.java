package org.vitrine.core.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Role;

class PeopleRolesTest {

    @Test
    void role_names_are_read_in_any_letter_case_and_user_is_always_kept() {
        assertEquals(EnumSet.of(Role.USER, Role.MODERATOR), People.roles(List.of(" Moderator ")));
        assertEquals(EnumSet.of(Role.USER), People.roles(List.of()));
        assertEquals(EnumSet.of(Role.USER, Role.ADMIN), People.roles(List.of("admin", "user", "ADMIN")));
    }

    @Test
    void unknown_or_missing_roles_are_refused_naming_the_known_ones() {
        DomainException unknown = assertThrows(DomainException.class, () -> People.roles(List.of("moderator", "root")));
        assertEquals(DomainException.Kind.BAD_REQUEST, unknown.kind());
        assertTrue(unknown.getMessage().contains("'root'") && unknown.getMessage().contains("user, moderator and admin"),
                unknown.getMessage());
        assertEquals(DomainException.Kind.BAD_REQUEST, assertThrows(DomainException.class, () -> People.roles(null)).kind());
    }
}
