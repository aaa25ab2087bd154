package org.vitrine.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BlobReferencesTest {

    @Test
    void a_blob_whose_copied_content_differs_from_the_etag_of_the_snapshot_was_replaced() {
        String same = "a".repeat(64);
        String replaced = "b".repeat(64);
        String deleted = "c".repeat(64);
        String unrecorded = "d".repeat(64);
        Map<String, String> snapshot = Map.of(same, "\"" + "1".repeat(64) + "\"", replaced, "\"" + "2".repeat(64) + "\"",
                deleted, "\"" + "3".repeat(64) + "\"", unrecorded, "");
        Map<String, BackupManifest.Blob> copied = Map.of(same, new BackupManifest.Blob("1".repeat(64), 10),
                replaced, new BackupManifest.Blob("9".repeat(64), 12), unrecorded, new BackupManifest.Blob("4".repeat(64), 1));

        assertEquals(List.of(replaced), BlobReferences.replaced(snapshot, copied));
    }
}
