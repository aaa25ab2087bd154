package org.vitrine.store.mariadb.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Converts between instants and the DATETIME(3) columns, which hold UTC. The conversion happens here, in
 * Java, so what is stored depends neither on the JVM's nor on the database session's time zone; instants
 * are cut to milliseconds, the columns' precision, so a value written reads back equal.
 */
final class UtcTimes {

    private UtcTimes() {
    }

    static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    static Instant toInstant(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime now() {
        return toColumn(Instant.now());
    }
}
