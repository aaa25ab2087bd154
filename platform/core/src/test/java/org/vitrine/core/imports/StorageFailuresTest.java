package org.vitrine.core.imports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

import org.junit.jupiter.api.Test;

class StorageFailuresTest {

    @Test
    void a_read_only_disk_is_named_without_the_path_or_the_system_error() {
        String text = StorageFailures.previewNotStored(
                new FileSystemException("/srv/vitrine/data/blobs/dd", null, "Read-only file system"));

        assertTrue(text.contains("read-only"), text);
        assertShowsNoServerDetail(text);
    }

    @Test
    void a_full_disk_is_named_without_the_path() {
        String text = StorageFailures.previewNotStored(new IOException("No space left on device: /srv/vitrine/data/blobs/ab/cd"));

        assertTrue(text.contains("full"), text);
        assertShowsNoServerDetail(text);
    }

    @Test
    void a_refused_write_and_an_unknown_failure_are_named_without_their_text() {
        String denied = StorageFailures.previewNotStored(new AccessDeniedException("/srv/vitrine/data/blobs/ab"));
        String other = StorageFailures.previewNotStored(new IOException("java.io.IOException: strange /srv/x"));

        assertTrue(denied.contains("does not let it write"), denied);
        assertShowsNoServerDetail(denied);
        assertTrue(other.contains("cannot be written"), other);
        assertShowsNoServerDetail(other);
        assertShowsNoServerDetail(StorageFailures.previewNotStored(new IOException((String) null)));
    }

    private static void assertShowsNoServerDetail(String text) {
        assertFalse(text.contains("/srv") || text.contains("blobs/"), "a server path in: " + text);
        assertFalse(text.contains("Exception") || text.contains("Read-only file system") || text.contains("No space left"),
                "exception text in: " + text);
        assertTrue(text.startsWith("Vitrine cannot store previews") && text.length() < 180, "short and plain: " + text);
    }
}
