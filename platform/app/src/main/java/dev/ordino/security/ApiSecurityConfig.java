package dev.ordino.security;

import dev.ordino.base.api.ApiPaths;
import dev.ordino.base.api.ApiProblems;
import dev.ordino.base.crypto.StoreSecret;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The REST API ({@code /v1/**}, and {@code /api/**} but the SMM panels' {@code /api/v2}): stateless, bearer tokens, errors as problem+json. Catalog reads
 * and sign-up/sign-in need no token. Checked before the Vaadin chain.
 */
@Configuration
@io.swagger.v3.oas.annotations.security.SecurityScheme(name = "bearer",
        type = io.swagger.v3.oas.annotations.enums.SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "access_token from POST /v1/auth/token")
class ApiSecurityConfig {

    @Bean
    ApiTokens apiTokens(StoreSecret secret, Clock clock, SignInVersions versions) {
        return new ApiTokens(secret.value(), clock, versions);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> ApiProblems.write(response, 401,
                ApiProblems.codeOf(401), ApiProblems.detailOf(401));
        AccessDeniedHandler forbidden = (request, response, e) -> ApiProblems.write(response, 403,
                ApiProblems.codeOf(403), ApiProblems.detailOf(403));
        http.securityMatcher(ApiPaths::answersProblems)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/v1/auth/register", "/v1/auth/token", "/v1/auth/password-reset",
                                "/v1/auth/password-reset/confirm", "/v1/auth/verify-email").permitAll()
                        // Gateways call this; the plugin checks the gateway's signature on the raw body.
                        .requestMatchers(HttpMethod.POST, "/v1/payments/*/webhook").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v1/categories", "/v1/products", "/v1/products/*").permitAll()
                        .requestMatchers("/v1/admin/**").hasAnyRole(Roles.ADMIN, Roles.STAFF)
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(ApiSecurityConfig::authentication))
                        .authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * The SMM panels' {@code /api/v2}: the {@code key} field is the credential, checked by the endpoint
     * itself on every call, so no session, no CSRF token and no bearer token here.
     */
    @Bean
    @Order(0)
    SecurityFilterChain panelApiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v2", "/api/v2/")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .anonymous(anonymous -> anonymous.disable());
        return http.build();
    }

    private static AbstractAuthenticationToken authentication(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        Collection<GrantedAuthority> authorities = roles == null ? List.of()
                : roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getClaimAsString("email"));
    }
}
