package dev.ordino.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who called the API, from the bearer token. */
public record ApiCaller(long id, String email) {

    public static ApiCaller of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return new ApiCaller(Long.parseLong(jwt.getToken().getSubject()), jwt.getName());
        }
        throw new AccessDeniedException("not an API caller");
    }
}
