package dev.ordino.security;

import dev.ordino.base.api.ApiProblems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing and sign-up floods: each client address gets
 * {@code ordino.rate-limit.sign-in-per-minute} attempts per minute (default 20) at the sign-in
 * form, {@code POST /v1/auth/token} and {@code POST /v1/auth/register}. Beyond that: 429 with
 * {@code Retry-After}. Behind a proxy, set {@code server.forward-headers-strategy=native} so the
 * client's address is used. Per node, in memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class SignInRateLimit extends OncePerRequestFilter {

    private static final Set<String> GUARDED = Set.of("/login", "/v1/auth/token", "/v1/auth/register");
    private static final int MAX_CLIENTS = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;

    public SignInRateLimit(@Value("${ordino.rate-limit.sign-in-per-minute:20}") int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !GUARDED.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // a crude bound on memory; limits restart for everyone, which errs on the open side
        }
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        response.setHeader("Retry-After", Long.toString(seconds));
        if (request.getRequestURI().contains("/v1/")) {
            ApiProblems.write(response, 429, "too_many_requests", "Too many attempts; try again in " + seconds + " s");
        } else {
            response.setStatus(429);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Too many attempts; try again in " + seconds + " seconds.");
        }
    }
}
