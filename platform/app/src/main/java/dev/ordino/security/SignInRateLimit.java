package dev.ordino.security;

import dev.ordino.base.api.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Slows down password guessing and sign-up floods from one client address (see
 * {@link SignInLimits}): beyond the limit, 429 with {@code Retry-After}. The path is compared as the
 * application routes it (decoded, without path parameters or doubled slashes), so
 * {@code /v1/auth/%74oken} or {@code /login;x} count like {@code /v1/auth/token} and {@code /login}.
 * Behind a proxy, set {@code server.forward-headers-strategy=native} so the client's address is used.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class SignInRateLimit extends OncePerRequestFilter {

    static final Set<String> GUARDED = Set.of("/login", "/v1/auth/token", "/v1/auth/register", "/v1/auth/password-reset",
            "/v1/auth/password-reset/confirm", "/v1/auth/verify-email");

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final SignInLimits limits;

    public SignInRateLimit(SignInLimits limits) {
        this.limits = limits;
    }

    /** The path as Spring MVC and Spring Security see it, with a trailing slash dropped. */
    static String routedPath(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request);
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod()) || !GUARDED.contains(routedPath(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = limits.attemptFrom(request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = wait.get().toSeconds();
        response.setHeader("Retry-After", Long.toString(seconds));
        if (routedPath(request).startsWith("/v1/")) {
            ApiProblems.write(response, 429, "too_many_requests", "Too many attempts; try again in " + seconds + " s");
        } else {
            response.setStatus(429);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Too many attempts; try again in " + seconds + " seconds.");
        }
    }
}
