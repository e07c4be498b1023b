package dev.ordino.plugins.midtrans;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.PaymentGateway.GatewayException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The few Midtrans calls the gateway needs, against configurable base URLs (the official
 * library always talks to Midtrans itself, which rules out sandboxes and test servers).
 */
final class MidtransClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final MidtransSettings settings;

    MidtransClient(HostContext context, MidtransSettings settings) {
        this.http = context.httpClient();
        this.settings = settings;
    }

    /** A parsed answer; Midtrans repeats (or replaces) the HTTP status in the body's {@code status_code}. */
    record Answer(int httpStatus, JsonObject body) {

        String statusCode() {
            String code = MidtransJson.string(body, "status_code");
            return code != null ? code : String.valueOf(httpStatus);
        }

        boolean succeeded() {
            return httpStatus / 100 == 2 && (statusCode().equals("200") || statusCode().equals("201"));
        }

        /** A status answer: its {@code status_code} is the transaction's (e.g. 407 expired), not the call's. */
        boolean hasTransaction() {
            return httpStatus / 100 == 2 && !notFound() && MidtransJson.string(body, "transaction_status") != null;
        }

        boolean notFound() {
            return httpStatus == 404 || statusCode().equals("404");
        }

        String message() {
            String message = MidtransJson.string(body, "status_message");
            if (message == null && body.get("error_messages") instanceof com.google.gson.JsonArray errors) {
                message = StreamSupport.stream(errors.spliterator(), false)
                        .map(error -> error.isJsonPrimitive() ? error.getAsString() : error.toString())
                        .collect(Collectors.joining("; "));
            }
            return message == null ? "no message" : MidtransJson.shorten(message);
        }

        /** The failure as an exception; Midtrans' own 5xx and 429 codes are worth retrying. */
        GatewayException failure(String what) {
            String code = statusCode();
            boolean retryable = httpStatus >= 500 || code.startsWith("5") || code.equals("429");
            return new GatewayException("Midtrans " + what + " failed: " + code + " " + message(), retryable, null);
        }
    }

    Answer createSnapTransaction(JsonObject transaction, String notificationUrl) throws GatewayException {
        return send(post(settings.snapBase(), "/v1/transactions", transaction, notificationUrl), "Snap transaction");
    }

    Answer charge(JsonObject charge, String notificationUrl) throws GatewayException {
        return send(post(settings.apiBase(), "/v2/charge", charge, notificationUrl), "charge");
    }

    Answer status(String orderId) throws GatewayException {
        HttpRequest request = request(settings.apiBase(), "/v2/" + segment(orderId) + "/status").GET().build();
        return send(request, "status check");
    }

    Answer refund(String orderId, JsonObject refund) throws GatewayException {
        return send(post(settings.apiBase(), "/v2/" + segment(orderId) + "/refund", refund, null), "refund");
    }

    private HttpRequest post(URI base, String path, JsonObject body, String notificationUrl) {
        HttpRequest.Builder builder = request(base, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (notificationUrl != null && !notificationUrl.isBlank()) {
            // Per-transaction notification URL, so each configured instance gets its own webhooks.
            builder.header("X-Override-Notification", notificationUrl);
        }
        return builder.build();
    }

    private HttpRequest.Builder request(URI base, String path) {
        String credentials = Base64.getEncoder()
                .encodeToString((settings.serverKey() + ":").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + credentials);
    }

    /**
     * Sends a request. Transport failures and HTTP 5xx are retryable; a rejected key is not.
     * Other answers are returned for the caller to judge, since Midtrans may put the real
     * outcome in the body.
     */
    private Answer send(HttpRequest request, String what) throws GatewayException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GatewayException("Midtrans " + what + " failed: " + e.getClass().getSimpleName(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("Midtrans " + what + " was interrupted", true, e);
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new GatewayException("Midtrans " + what + " failed: the server key was refused "
                    + "(check the key and the production setting)", false, null);
        }
        JsonObject body;
        try {
            body = JsonParser.parseString(response.body()).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new GatewayException("Midtrans " + what + " failed: HTTP " + status + " with an unreadable body",
                    status >= 500, null);
        }
        if (status >= 500) {
            throw new Answer(status, body).failure(what);
        }
        return new Answer(status, body);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
