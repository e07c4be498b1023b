package dev.ordino.reseller.api;

import dev.ordino.base.api.BodyLimits;
import dev.ordino.reseller.PanelActions;
import dev.ordino.reseller.PanelAnswer;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v2}, the de-facto SMM panel protocol: {@code key} and {@code action} (and the action's
 * fields) as form fields, a query string or a JSON body; every answer JSON, errors as HTTP 200
 * {@code {"error": "..."}} but the rate limit (429). Outside the problem+json API and outside
 * sessions and CSRF: the key is the credential. The body is bounded before it is read
 * ({@code BodyLimits}, the {@code /api/**} row).
 */
@Hidden
@RestController
class PanelApi {

    private static final Logger log = LoggerFactory.getLogger(PanelApi.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PanelActions actions;

    PanelApi(PanelActions actions) {
        this.actions = actions;
    }

    @RequestMapping(path = "/api/v2", method = {RequestMethod.GET, RequestMethod.POST}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> call(HttpServletRequest request) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            try (InputStream body = request.getInputStream()) {
                JsonNode json = JSON.readTree(body);
                if (json != null && json.isObject()) {
                    json.properties().forEach(field -> params.put(field.getKey(), text(field.getValue())));
                }
            }
        }
        // Query string and form fields; a JSON body's fields win over the address's.
        request.getParameterMap().forEach((name, values) -> params.putIfAbsent(name, values.length == 0 ? "" : values[0]));
        PanelAnswer answer = actions.handle(params, request.getRemoteAddr());
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            return value.valueStream().map(PanelApi::text).collect(Collectors.joining(","));
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** Whatever goes wrong (a malformed body, say) is answered the protocol's way, never as a problem or a page. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failed(Exception e) throws BodyLimits.BodyTooLarge {
        if (e instanceof BodyLimits.BodyTooLarge tooLarge) {
            throw tooLarge; // answered 413 by the limit itself
        }
        if (e instanceof JacksonException || e instanceof IOException) {
            log.debug("Unreadable panel API request: {}", e.toString());
        } else {
            log.warn("Panel API call failed", e);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("error", PanelAnswer.INCORRECT_REQUEST));
    }
}
