package org.vitrine.core.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vitrine.api.documents.DocumentStatus;
import org.vitrine.api.documents.PublishedDocument;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.Role;

class EditRightsTest {

    private static PublishedDocument importedBy(Long account) {
        return new PublishedDocument(1, "onshape", "abc", "Gear", null, null, null, null, null, null, "MIT",
                DocumentStatus.PUBLIC, account, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static Caller account(long id, Role... roles) {
        return new Caller("account:" + id, Set.of(roles), "session", id, "s");
    }

    @Test
    void the_importer_may_edit_and_anybody_else_may_not() {
        assertTrue(EditRights.mayEdit(account(5, Role.USER), importedBy(5L)));
        assertFalse(EditRights.mayEdit(account(6, Role.USER), importedBy(5L)));
        assertFalse(EditRights.mayEdit(account(6, Role.MODERATOR), importedBy(5L)));
        assertFalse(EditRights.mayEdit(null, importedBy(5L)), "nobody signed in");
    }

    @Test
    void admins_may_edit_any_document_even_one_whose_importer_is_gone() {
        assertTrue(EditRights.mayEdit(account(6, Role.ADMIN), importedBy(5L)));
        assertTrue(EditRights.mayEdit(new Caller("ops-token", Set.of(Role.ADMIN), "admin-token"), importedBy(null)));
        assertFalse(EditRights.mayEdit(account(5, Role.USER), importedBy(null)));
    }
}
