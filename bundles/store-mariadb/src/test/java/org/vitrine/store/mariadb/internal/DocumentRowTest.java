package org.vitrine.store.mariadb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vitrine.api.cad.DocumentRef;
import org.vitrine.api.cad.FetchedDocument;

class DocumentRowTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 1, 2, 3, 4, 5);

    private static FetchedDocument fetched(List<String> tags, List<FetchedDocument.Designer> designers) {
        return new FetchedDocument(new DocumentRef("onshape", "d1", null), "Gearbox", null, "Olivia",
                Instant.parse("2024-01-02T03:04:05.678901Z"), null, null, tags, List.of(), List.of(), List.of(),
                designers, List.of());
    }

    @Test
    void tags_are_kept_once_and_joined_by_spaces_for_full_text_search() {
        DocumentRow row = DocumentRow.imported(fetched(List.of("gear", "box", "gear"), List.of()), 1, "MIT", NOW);

        assertEquals(List.of("gear", "box"), row.getTags());
        assertEquals("gear box", row.getTagsText());
    }

    @Test
    void the_owner_is_the_designer_credited_as_owner() {
        DocumentRow row = DocumentRow.imported(fetched(List.of(), List.of(new FetchedDocument.Designer("u2", "Carl", "creator"),
                new FetchedDocument.Designer("u1", "Olivia", "OWNER"))), 1, "MIT", NOW);

        assertEquals("u1", row.getOwnerExternalId());
    }

    @Test
    void a_new_document_is_public_with_the_given_licence_and_provider_times_in_utc_milliseconds() {
        DocumentRow row = DocumentRow.imported(fetched(List.of(), List.of()), 42, "CC-BY-4.0", NOW);

        assertEquals("public", row.getStatus());
        assertEquals("CC-BY-4.0", row.getLicence());
        assertEquals(42L, row.getImportedBy());
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000), row.getProviderCreatedAt());
        assertEquals(NOW, row.getCreatedAt());
        assertEquals(NOW, row.getUpdatedAt());
    }
}
