package org.vitrine.core.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogArchivesTest {

    @TempDir
    Path logs;

    @Test
    void archives_whose_whole_day_is_older_than_the_cutoff_are_deleted_and_nothing_else() throws Exception {
        Path old = Files.createFile(logs.resolve("access.2024-01-09.0.log.gz"));
        Path oldSecondPart = Files.createFile(logs.resolve("access.2024-01-09.1.log.gz"));
        Path dayOfCutoff = Files.createFile(logs.resolve("access.2024-01-10.0.log.gz"));
        Path recent = Files.createFile(logs.resolve("access.2024-03-01.0.log.gz"));
        Path current = Files.createFile(logs.resolve("access.log"));
        Path other = Files.createFile(logs.resolve("vitrine.2024-01-01.0.log.gz"));

        int deleted = new AccessLogArchives(logs, ZoneOffset.UTC).deleteOlderThan(Instant.parse("2024-01-10T12:00:00Z"));

        assertEquals(2, deleted);
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(oldSecondPart));
        assertTrue(Files.exists(dayOfCutoff), "it holds requests after the cutoff");
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(current));
        assertTrue(Files.exists(other), "only access logs are handled");
    }

    @Test
    void a_missing_logs_folder_is_nothing_to_do() {
        assertEquals(0, new AccessLogArchives(logs.resolve("none"), ZoneOffset.UTC).deleteOlderThan(Instant.now()));
    }
}
