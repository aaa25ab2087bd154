package org.vitrine.store.mariadb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MariaDbDesignerStoreTest {

    @Test
    void a_name_search_matches_wildcards_and_backslashes_literally() {
        assertEquals("100\\%\\_real", MariaDbDesignerStore.likePattern("100%_real"));
        assertEquals("a\\\\b", MariaDbDesignerStore.likePattern("a\\b"));
        assertEquals("Ada", MariaDbDesignerStore.likePattern("  Ada "));
    }

    @Test
    void a_blank_search_matches_everybody() {
        assertNull(MariaDbDesignerStore.likePattern(null));
        assertNull(MariaDbDesignerStore.likePattern("  "));
    }
}
