package dev.ordino.base;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * DATETIME columns hold UTC wall time, whatever the JVM's zone: the same rule Hibernate follows
 * ({@code hibernate.jdbc.time_zone=UTC}), for the code that writes with plain JDBC.
 */
public final class UtcTime {

    private UtcTime() {
    }

    public static LocalDateTime column(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }
}
