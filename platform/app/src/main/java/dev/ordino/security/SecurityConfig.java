package dev.ordino.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.ordino.security.ui.LoginView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two layers, as Vaadin recommends: views carry {@code @RolesAllowed}/{@code @PermitAll}/
 * {@code @AnonymousAllowed}, and services carry {@code @PreAuthorize}/{@code @RolesAllowed}.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /**
     * What Vaadin tolerates: its pages need inline scripts and styles, so the policy only stops
     * framing by other sites, plugins and a changed base address.
     */
    static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInVersions versions, RequestUtil vaadinRequests,
                                            ObjectProvider<SecurityContextHolderStrategy> contexts) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                .requestMatchers("/themes/**", "/icons/**", "/images/**").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll());
        // Vaadin exempts its login form from CSRF checks, so a page on another site could sign a
        // visitor into the attacker's account. Only Vaadin's own requests (which carry Vaadin's
        // token) skip Spring's check; the login form sends Spring's token from the page's meta tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.addFilterAfter(new SessionRevocation(versions, contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)),
                SecurityContextHolderFilter.class);
        http.headers(headers -> {
            // Vaadin forwards page requests to its servlet, and the container commits a forwarded
            // response itself: headers written at commit (Spring's default) never reach the browser.
            headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
            // Written up front it would also mark Vaadin's static bundles uncacheable; Vaadin sets its own.
            headers.cacheControl(cache -> cache.disable())
                    .frameOptions(frames -> frames.sameOrigin())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    // Sent only on requests that arrived over TLS (behind a proxy: with forwarded headers on).
                    .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
        });
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
