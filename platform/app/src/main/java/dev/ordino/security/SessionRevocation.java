package dev.ordino.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session whose account was disabled, or whose roles or password changed, since it
 * signed in: checked on every request of a signed-in session, on whichever node it lands, before
 * any authorisation. The request then goes on as anonymous, so a page sends the browser to sign in
 * and Vaadin's next round trip finds its session gone and reloads.
 */
class SessionRevocation extends OncePerRequestFilter {

    private final SignInVersions versions;
    private final SecurityContextHolderStrategy contexts;

    SessionRevocation(SignInVersions versions, SecurityContextHolderStrategy contexts) {
        this.versions = versions;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentication authentication = contexts.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof OrdinoUser user
                    && !versions.isCurrent(user.id(), user.securityVersion())) {
                session.invalidate();
                contexts.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
