package dev.ordino.store;

import dev.ordino.base.DomainException;
import dev.ordino.base.UtcTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's logo, kept in the database ({@code store_logo}) so every node serves the same one:
 * a PNG or an SVG of at most 256 KiB. An SVG that could run script or load anything from
 * elsewhere is refused; what is stored is also served with a policy that forbids both.
 */
@Service
public class StoreLogo {

    public static final int MAX_BYTES = 256 * 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Script, event handlers, embedded documents and outside references have no place in a logo. */
    private static final Pattern UNSAFE_SVG = Pattern.compile(
            "<\\s*script|\\son[a-z]+\\s*=|javascript:|<\\s*foreignobject|<\\s*iframe|<\\s*embed|<\\s*object|<!entity|"
                    + "(?:href|src)\\s*=\\s*[\"']\\s*(?:https?:|//|data:text)", Pattern.CASE_INSENSITIVE);

    private final JdbcClient jdbc;
    private final Clock clock;

    StoreLogo(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The stored logo and when it changed (for cache-busting addresses). */
    public record Logo(String contentType, byte[] content, long version) {
    }

    @Transactional(readOnly = true)
    public Optional<Logo> current() {
        return jdbc.sql("SELECT content_type, content, updated_at FROM store_logo WHERE id = 1")
                .query((rs, n) -> new Logo(rs.getString(1), rs.getBytes(2),
                        UtcTime.instant(rs.getObject(3, LocalDateTime.class)).toEpochMilli()))
                .optional();
    }

    /** When the logo last changed, without reading it; empty when the shop has none. */
    @Transactional(readOnly = true)
    public Optional<Long> version() {
        return jdbc.sql("SELECT updated_at FROM store_logo WHERE id = 1").query(LocalDateTime.class).optional()
                .map(at -> UtcTime.instant(at).toEpochMilli());
    }

    /**
     * Stores a new logo.
     *
     * @throws DomainException {@code logo_too_large}, {@code logo_type}, {@code logo_unsafe} (400)
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void save(byte[] content) {
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            throw DomainException.badRequest("logo_too_large", "logo", "A logo is a PNG or SVG file of at most 256 KiB", 256);
        }
        String type = typeOf(content);
        jdbc.sql("INSERT INTO store_logo (id, content_type, content, updated_at) VALUES (1, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE content_type = VALUES(content_type), content = VALUES(content), updated_at = VALUES(updated_at)")
                .params(type, content, UtcTime.column(clock.instant())).update();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void remove() {
        jdbc.sql("DELETE FROM store_logo WHERE id = 1").update();
    }

    private static String typeOf(byte[] content) {
        if (content.length > PNG_SIGNATURE.length && Arrays.equals(Arrays.copyOf(content, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            return "image/png";
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.toLowerCase(Locale.ROOT).contains("<svg")) {
            throw DomainException.badRequest("logo_type", "logo", "The logo must be a PNG or an SVG file");
        }
        if (UNSAFE_SVG.matcher(text).find()) {
            throw DomainException.badRequest("logo_unsafe", "logo", "This SVG contains script or outside references; export it as a plain drawing");
        }
        return "image/svg+xml";
    }
}
