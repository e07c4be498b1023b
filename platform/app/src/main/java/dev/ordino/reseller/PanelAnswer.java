package dev.ordino.reseller;

import java.util.Map;

/**
 * What {@code /api/v2} answers: HTTP 200 with a JSON value (an error too, as panels do), or 429 when
 * a limit is reached. {@code summary} is what the call log keeps.
 */
public record PanelAnswer(int status, Object body, String summary) {

    public static final String INVALID_KEY = "Invalid API key";
    public static final String INCORRECT_REQUEST = "Incorrect request";
    public static final String INCORRECT_SERVICE = "Incorrect service ID";
    public static final String INCORRECT_ORDER = "Incorrect order ID";
    public static final String INCORRECT_REFILL = "Incorrect refill ID";
    public static final String NOT_ENOUGH_FUNDS = "Not enough funds on balance";
    public static final String INCORRECT_LINK = "Incorrect link";
    public static final String IP_NOT_ALLOWED = "IP address not allowed";
    public static final String TOO_MANY_REQUESTS = "Too many requests";

    static PanelAnswer ok(Object body) {
        return new PanelAnswer(200, body, "ok");
    }

    static PanelAnswer error(String message) {
        return new PanelAnswer(200, Map.of("error", message), message);
    }

    static PanelAnswer tooMany() {
        return new PanelAnswer(429, Map.of("error", TOO_MANY_REQUESTS), TOO_MANY_REQUESTS);
    }

    static Map<String, String> errorOf(String message) {
        return Map.of("error", message);
    }
}
