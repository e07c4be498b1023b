package dev.ordino.base.api;

import dev.ordino.base.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every API error is {@code application/problem+json} with a top-level {@code code} and
 * {@code detail}, plus {@code errors: [{field, message}]} when a field is at fault. Never a stack
 * trace; an unexpected failure is logged with a reference and answered 500 {@code internal_error}.
 */
@RestControllerAdvice(basePackages = "dev.ordino")
@Order(0)
public class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    public static ResponseEntity<ProblemDetail> problem(int status, String code, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(typeOf(code)));
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The same problem body for code outside Spring MVC (security entry points, servlet filters),
     * written straight to the response.
     */
    public static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status, code, detail));
    }

    /** The problem's JSON text, for writers that hold neither Spring MVC nor a servlet response. */
    static String body(int status, String code, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        return "{\"type\":\"" + typeOf(code) + "\",\"title\":\"" + json(known == null ? "Error" : known.getReasonPhrase())
                + "\",\"status\":" + status + ",\"code\":\"" + json(code) + "\",\"detail\":\"" + json(detail) + "\"}";
    }

    private static String typeOf(String code) {
        return "https://ordino.dev/problems/" + code.replace('_', '-');
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        return problem(e.status(), e.code(), e.getMessage(), e.field());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        BodyLimits.BodyTooLarge tooLarge = causeOf(e, BodyLimits.BodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        return problem(400, "malformed_request", "The request body is not valid JSON of the expected shape", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        if (ApiPage.isPaging(e.getName())) {
            return ApiPage.invalid(e.getName());
        }
        DomainException refused = causeOf(e, DomainException.class);
        if (refused != null) {
            return problem(refused.status(), refused.code(), "Parameter '" + e.getName() + "': " + refused.getMessage(), e.getName());
        }
        return problem(400, "malformed_request", "Parameter '" + e.getName() + "' has the wrong type", e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return problem(400, "malformed_request", "Parameter '" + e.getParameterName() + "' is required", e.getParameterName());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return problem(400, "malformed_request", "Header '" + e.getHeaderName() + "' is required", e.getHeaderName());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return ofStatus(403);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        BodyLimits.BodyTooLarge tooLarge = causeOf(e, BodyLimits.BodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        // Spring's own refusals of a request (method, media type, unknown resource, a binding it cannot make) carry their status.
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            return ofStatus(refusal.getStatusCode().value());
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("API error {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR.value(), "internal_error",
                "Something went wrong (reference " + reference + ")", null);
    }

    /** 413, and the connection closed: the rest of the body is not worth reading. */
    private static ResponseEntity<ProblemDetail> tooLarge(BodyLimits.BodyTooLarge e) {
        ResponseEntity<ProblemDetail> problem = problem(413, "payload_too_large", e.getMessage(), null);
        return ResponseEntity.status(413).headers(problem.getHeaders()).header("Connection", "close").body(problem.getBody());
    }

    /** The usual problem for a status: {@link #codeOf} and {@link #detailOf}. */
    public static ResponseEntity<ProblemDetail> ofStatus(int status) {
        return problem(status, codeOf(status), detailOf(status), null);
    }

    /** The problem code for an HTTP status that arrives without one (from the container or the framework). */
    public static String codeOf(int status) {
        return switch (status) {
            case 400 -> "malformed_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            default -> status >= 500 ? "internal_error" : "request_refused";
        };
    }

    /** A plain sentence for such a status. */
    public static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request cannot be read";
            case 401 -> "Send a valid token: Authorization: Bearer <access_token> from POST /v1/auth/token";
            case 403 -> "You are not allowed to do this";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "This address answers application/json";
            case 413 -> "The body is too large";
            case 415 -> "Send JSON (Content-Type: application/json)";
            case 429 -> "Too many requests; slow down";
            default -> status >= 500 ? "Something went wrong" : "The request was refused";
        };
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
