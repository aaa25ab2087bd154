package org.vitrine.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class UiRouteTest {

    @Test
    void every_page_of_the_interface_is_known() {
        for (String path : new String[] {"/", "/d/12", "/d/anything", "/designers", "/designers/4", "/signin", "/register",
                "/account", "/import", "/admin", "/admin/modules", "/admin/audit", "/admin/mail", "/admin/users", "/admin/users/42", "/api-docs", "/privacy", "/privacy/settings",
                "/contact", "/moderation"}) {
            assertTrue(UiRoute.known(path), path);
        }
    }

    @Test
    void other_paths_are_unknown() {
        for (String path : new String[] {"/nope", "/d/", "/d/1/2", "/designers/", "/admin/other", "/signin/x", "/index.html", "",
                "/privacy/", "/privacy/other", "/moderation/1", "/contact/x", "/admin/users/", "/admin/users/0", "/admin/users/x",
                "/admin/users/1/roles"}) {
            assertFalse(UiRoute.known(path), path);
        }
    }

    @Test
    void only_numeric_document_ids_are_looked_up() {
        assertEquals(OptionalLong.of(12), UiRoute.documentId("/d/12"));
        assertEquals(OptionalLong.empty(), UiRoute.documentId("/d/012"));
        assertEquals(OptionalLong.empty(), UiRoute.documentId("/d/abc"));
        assertEquals(OptionalLong.empty(), UiRoute.documentId("/d/99999999999999999999999"));
        assertEquals(OptionalLong.empty(), UiRoute.documentId("/designers/12"));
    }
}
