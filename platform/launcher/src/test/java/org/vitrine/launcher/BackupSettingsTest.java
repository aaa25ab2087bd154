package org.vitrine.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupSettingsTest {

    @TempDir
    Path home;

    @Test
    void the_period_between_scheduled_backups_is_a_number_with_its_unit_and_zero_means_none() {
        assertEquals(Duration.ZERO, BackupSettings.parseEvery(""));
        assertEquals(Duration.ZERO, BackupSettings.parseEvery("0"));
        assertEquals(Duration.ZERO, BackupSettings.parseEvery("off"));
        assertEquals(Duration.ofSeconds(30), BackupSettings.parseEvery("30s"));
        assertEquals(Duration.ofMinutes(30), BackupSettings.parseEvery("30m"));
        assertEquals(Duration.ofHours(6), BackupSettings.parseEvery("6 h"));
        assertEquals(Duration.ofDays(1), BackupSettings.parseEvery("1D"));
        assertNull(BackupSettings.parseEvery("daily"));
        assertNull(BackupSettings.parseEvery("0h"));
        assertNull(BackupSettings.parseEvery("-1h"));
    }

    @Test
    void backup_settings_have_defaults_and_a_bad_value_is_named_by_its_key() throws Exception {
        Settings defaults = load("");
        assertEquals(home.resolve("backups"), defaults.backup().dir());
        assertEquals(Duration.ZERO, defaults.backup().every());
        assertEquals(7, defaults.backup().keep());
        Settings set = load("backup.dir = /srv/backups\nbackup.every = 1d\nbackup.keep = 14\n");
        assertEquals(Path.of("/srv/backups"), set.backup().dir());
        assertEquals(Duration.ofDays(1), set.backup().every());
        assertEquals(14, set.backup().keep());

        var every = assertThrows(InvalidSettingsException.class, () -> load("backup.every = nightly\n"));
        assertTrue(every.getMessage().contains("'backup.every'") && every.getMessage().contains("nightly"), every.getMessage());
        var keep = assertThrows(InvalidSettingsException.class, () -> load("backup.keep = 0\n"));
        assertTrue(keep.getMessage().contains("'backup.keep'"), keep.getMessage());
    }

    @Test
    void after_a_scheduled_backup_only_the_newest_scheduled_ones_are_kept_and_manual_or_other_files_are_left_alone() throws Exception {
        Path dir = Files.createDirectories(home.resolve("backups"));
        for (String name : List.of("vitrine-20261201T000000Z.zip", "vitrine-20261202T000000Z.zip", "vitrine-20261203T000000Z.zip",
                "vitrine-20261204T000000Z.zip", "vitrine-manual-20261130T000000Z.zip", "before-upgrade.zip", "vitrine-20261201T000000Z.zip.sha256")) {
            Files.writeString(dir.resolve(name), name);
        }
        Path interrupted = Files.writeString(dir.resolve(".vitrine-20261130T000000Z.zip123.partial"), "half");
        Files.setLastModifiedTime(interrupted, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofDays(2))));
        Path writing = Files.writeString(dir.resolve(".vitrine-manual-20261205T000000Z.zip456.partial"), "being written");
        List<Path> deleted = BackupSchedule.prune(new BackupSettings(dir, Duration.ofDays(1), 2));
        assertEquals(List.of(dir.resolve("vitrine-20261201T000000Z.zip"), dir.resolve("vitrine-20261202T000000Z.zip")), deleted);
        try (var left = Files.list(dir)) {
            assertEquals(List.of(writing.getFileName().toString(), "before-upgrade.zip", "vitrine-20261201T000000Z.zip.sha256", "vitrine-20261203T000000Z.zip",
                    "vitrine-20261204T000000Z.zip", "vitrine-manual-20261130T000000Z.zip"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private Settings load(String file) throws Exception {
        Path config = Files.createDirectories(home.resolve("config"));
        Files.writeString(config.resolve("vitrine.properties"), file);
        return new SettingsLoader(home, config, Map.of(), new Properties()).load();
    }
}
