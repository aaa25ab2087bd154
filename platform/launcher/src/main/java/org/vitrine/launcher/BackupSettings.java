package org.vitrine.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where backups go and how often a running Vitrine writes one by itself.
 *
 * @param dir   the folder of scheduled backups and of {@code vitrine backup} without a file name
 * @param every the time between scheduled backups; {@link Duration#ZERO} means none are scheduled
 * @param keep  how many scheduled backups are kept; older ones are deleted after each new one
 */
public record BackupSettings(Path dir, Duration every, int keep) {

    static final String PREFIX = "vitrine-";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd])");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    /** A new file name in the folder for a scheduled backup, from the current time (UTC); retention applies to these. */
    Path newFile() {
        return dir.resolve(PREFIX + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".zip");
    }

    /** A new file name in the folder for a backup made by hand: retention never deletes it. */
    Path newManualFile() {
        return dir.resolve(PREFIX + "manual-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".zip");
    }

    boolean scheduled() {
        return !every.isZero();
    }

    /** {@code 0} or {@code off} (none), or a number with s (seconds), m (minutes), h (hours) or d (days); null when malformed. */
    static Duration parseEvery(String raw) {
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("0") || value.equals("off")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION.matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
