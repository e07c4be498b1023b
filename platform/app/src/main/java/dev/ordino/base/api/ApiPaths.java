package dev.ordino.base.api;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which addresses answer as an API: {@code /v1/**} and {@code /api/**}, except {@code /api/v2},
 * which answers the way SMM panels do. Everything there, errors included, is problem+json; the
 * rest of the site is the Vaadin UI with its HTML error pages.
 */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** The request's path inside the application, as the container decoded and normalised it. */
    public static String pathOf(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() ? request.getRequestURI().substring(request.getContextPath().length()) : path;
    }

    public static boolean answersProblems(HttpServletRequest request) {
        return answersProblems(pathOf(request));
    }

    public static boolean answersProblems(String path) {
        return under(path, "/v1") || (under(path, "/api") && !under(path, "/api/v2"));
    }

    /** The SMM panels' protocol: errors are JSON {@code {"error": "..."}}, never problems or pages. */
    public static boolean isPanelApi(HttpServletRequest request) {
        return under(pathOf(request), "/api/v2");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
