package dev.ordino;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Figures a test measures for the reader of the build (times, counts), through the log like everything else. */
public final class Figures {

    private static final Logger log = LoggerFactory.getLogger(Figures.class);

    private Figures() {
    }

    /** One line of figures, {@link String#format} style. */
    public static void report(String format, Object... arguments) {
        if (log.isInfoEnabled()) {
            log.info(String.format(format, arguments).stripTrailing());
        }
    }
}
