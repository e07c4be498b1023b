package dev.ordino.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates and times as the reader reads them: in the UI's language ("01.12.2026, 14:05" in Russian,
 * "01/12/26 14.05" in Indonesian) and in the browser's own time zone, which the browser reports
 * when the page starts. The server's zone means nothing to a customer in Jakarta; UTC is the
 * fallback only when a browser says nothing.
 */
public final class ReaderFormat {

    private ReaderFormat() {
    }

    /** A formatter for instants in the reader's language and time zone. */
    public static DateTimeFormatter dateTimes(Component reader, FormatStyle style) {
        return DateTimeFormatter.ofLocalizedDateTime(style).withLocale(locale(reader)).withZone(zone(reader));
    }

    /** A formatter for calendar days in the reader's language. */
    public static DateTimeFormatter dates(Component reader, FormatStyle style) {
        return DateTimeFormatter.ofLocalizedDate(style).withLocale(locale(reader));
    }

    /** An instant, short, or {@code none} when there is none. */
    public static String dateTime(Component reader, Instant at, String none) {
        return at == null ? none : dateTimes(reader, FormatStyle.SHORT).format(at);
    }

    /** The reader's locale, as {@code Component.getLocale()} finds it (which is not public). */
    public static Locale locale(Component reader) {
        return ui(reader).map(UI::getLocale).orElse(Locale.ENGLISH);
    }

    /** The browser's time zone; UTC when it has not said. */
    public static ZoneId zone(Component reader) {
        return ui(reader).map(ui -> ui.getPage().getExtendedClientDetails())
                .map(ExtendedClientDetails::getTimeZoneId)
                .filter(id -> !id.isBlank())
                .flatMap(ReaderFormat::zoneOf)
                .orElse(ZoneOffset.UTC);
    }

    private static Optional<ZoneId> zoneOf(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<UI> ui(Component reader) {
        return (reader == null ? Optional.<UI>empty() : reader.getUI()).or(() -> Optional.ofNullable(UI.getCurrent()));
    }
}
