package org.vitrine.core.retention;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rolled access logs ({@code access.<yyyy-MM-dd>.<n>.log.gz} in the logs folder, as {@code config/logback.xml}
 * names them). Each holds one day of requests with whole client addresses; once that whole day is older than the
 * retention period, the archive is deleted. The file being written ({@code access.log}) holds the current day only.
 */
final class AccessLogArchives {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogArchives.class);
    private static final Pattern ARCHIVE = Pattern.compile("access\\.(\\d{4}-\\d{2}-\\d{2})(\\.\\d+)?\\.log(\\.gz)?");

    private final Path folder;
    /** Logback dates archives in the JVM's time zone. */
    private final ZoneId zone;

    AccessLogArchives(Path folder, ZoneId zone) {
        this.folder = folder;
        this.zone = zone;
    }

    /** Deletes the archives whose day ended before the cutoff; returns how many. */
    int deleteOlderThan(Instant cutoff) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "access.*")) {
            for (Path file : files) {
                Matcher m = ARCHIVE.matcher(file.getFileName().toString());
                if (m.matches() && endOf(m.group(1)) != null && !endOf(m.group(1)).isAfter(cutoff)) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.error("Cannot delete old access logs in {}: {}", folder, e.getMessage());
        }
        return deleted;
    }

    private Instant endOf(String day) {
        try {
            return LocalDate.parse(day).plusDays(1).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
