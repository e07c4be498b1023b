package dev.ordino.base.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The largest body each address takes, in one table. A declared {@code Content-Length} over the
 * limit is answered 413 before a byte is read; a chunked body is counted while it is read and
 * the reading stops at the limit, so a huge post never fills the memory. Addresses not in the
 * table (the Vaadin UI, which streams its uploads) are not limited here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class BodyLimits extends OncePerRequestFilter {

    /** One row per address pattern, the most specific first. */
    public record Limit(String pattern, long bytes) {
    }

    private final AntPathMatcher matcher = new AntPathMatcher();
    private final List<Limit> table;

    public BodyLimits(@Value("${ordino.limits.webhook-body:1MB}") DataSize webhook,
                      @Value("${ordino.limits.api-body:256KB}") DataSize api,
                      @Value("${ordino.limits.codes-body:5MB}") DataSize codes) {
        this.table = List.of(
                new Limit("/v1/payments/*/webhook", webhook.toBytes()),
                new Limit("/v1/admin/products/*/codes", codes.toBytes()),
                new Limit("/v1/**", api.toBytes()),
                new Limit("/api/**", api.toBytes()));
    }

    /** The limit for a path inside the application, if it has one. */
    public Optional<Limit> limitOf(String path) {
        return table.stream().filter(limit -> matcher.match(limit.pattern(), path)).findFirst();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Limit> limit = limitOf(ApiPaths.pathOf(request));
        if (limit.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long max = limit.get().bytes();
        if (request.getContentLengthLong() > max) {
            refuse(request, response, max);
            return;
        }
        try {
            chain.doFilter(new Counted(request, max), response);
        } catch (BodyTooLarge e) {
            if (!response.isCommitted()) {
                response.resetBuffer();
                refuse(request, response, max);
            }
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long max) throws IOException {
        // Whatever the client still sends is not worth reading.
        response.setHeader("Connection", "close");
        if (ApiPaths.answersProblems(request)) {
            ApiProblems.write(response, 413, "payload_too_large", describe(max));
        } else if (ApiPaths.isPanelApi(request)) {
            response.setStatus(413);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"Incorrect request\"}");
        } else {
            response.sendError(413);
        }
    }

    static String describe(long max) {
        return "The body is larger than this address takes (" + (max % 1024 == 0 ? max / 1024 + " KiB" : max + " bytes") + ")";
    }

    /** Thrown by the counted stream once a body passes its limit. */
    public static final class BodyTooLarge extends IOException {
        private final long limit;

        BodyTooLarge(long limit) {
            super(describe(limit));
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private static final class Counted extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), max);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long count;

        CountingStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        private int counted(int n) throws BodyTooLarge {
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw new BodyTooLarge(max);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return counted(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
