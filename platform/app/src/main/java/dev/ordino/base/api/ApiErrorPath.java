package dev.ordino.base.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * The API's own error path, so that nothing under {@link ApiPaths} answers HTML or Spring's
 * default JSON: an address no controller serves is a 404 problem (not the Vaadin page, which
 * takes every other address), errors raised outside Spring MVC (the container, the security
 * firewall) are rewritten as problems on their way to {@code /error}.
 */
@Configuration
class ApiErrorPath {

    /**
     * Reached only when no controller took the request (they are asked first), so an endpoint
     * added anywhere in the application is never hidden; placed before Vaadin's catch-all.
     */
    @Bean
    AbstractHandlerMapping unknownApiAddresses() {
        HttpRequestHandler notFound = (request, response) -> ApiProblems.write(response, 404, "not_found",
                "No such address in this API: " + request.getMethod() + " " + ApiPaths.pathOf(request));
        AbstractHandlerMapping mapping = new AbstractHandlerMapping() {
            @Override
            protected Object getHandlerInternal(HttpServletRequest request) {
                return ApiPaths.answersProblems(request) ? notFound : null;
            }
        };
        mapping.setOrder(Ordered.LOWEST_PRECEDENCE - 2);
        return mapping;
    }

    /** Rewrites the container's error dispatch for API addresses; the UI keeps its friendly pages. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiErrorDispatch() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
                String path = uri == null ? "" : uri.toString().substring(Math.min(uri.toString().length(), request.getContextPath().length()));
                if (request.getDispatcherType() != DispatcherType.ERROR || !ApiPaths.answersProblems(path)) {
                    chain.doFilter(request, response);
                    return;
                }
                Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
                int status = code instanceof Integer value ? value : 500;
                if (!response.isCommitted()) {
                    response.resetBuffer();
                }
                ApiProblems.write(response, status, ApiProblems.codeOf(status), ApiProblems.detailOf(status));
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
