package org.vitrine.store.mariadb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.vitrine.api.imports.ImportJob;
import org.vitrine.api.imports.ImportJobStore;

class ImportItemRowTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 1, 2, 3, 4, 5);

    private static ImportJob.Item storedAndRead(ImportJobStore.Source source) {
        ImportItemRow row = ImportItemRow.pending(source, NOW);
        row.setId(7L);
        return row.toItem();
    }

    @Test
    void an_item_imported_by_url_keeps_the_address_beside_the_document_id() {
        ImportJob.Item item = storedAndRead(new ImportJobStore.Source("abc123", "https://cad.example/documents/abc123"));

        assertEquals("abc123", item.source());
        assertEquals("https://cad.example/documents/abc123", item.sourceUrl());
    }

    @Test
    void an_item_given_by_document_id_has_no_address() {
        ImportJob.Item item = storedAndRead(new ImportJobStore.Source("abc123", null));

        assertEquals("abc123", item.source());
        assertNull(item.sourceUrl());
    }

    @Test
    void a_new_item_is_pending_and_untried() {
        ImportJob.Item item = storedAndRead(new ImportJobStore.Source("abc123", null));

        assertEquals(ImportJob.ItemState.PENDING, item.state());
        assertEquals(0, item.attempts());
    }
}
