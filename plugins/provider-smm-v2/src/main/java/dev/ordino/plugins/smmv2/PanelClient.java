package dev.ordino.plugins.smmv2;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.ProviderException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;

/**
 * One configured panel, for one host call: posts an API v2 action and turns every failure into
 * the {@link ProviderException} that tells the host whether a retry could double-submit:
 * <ul>
 * <li>not connected (refused, connect timeout, unknown host, TLS handshake), HTTP 5xx, 408, 429: Unreachable;</li>
 * <li>HTTP 200 with {@code {"error": ...}}, other 4xx, bad settings: Rejected;</li>
 * <li>no answer in time or connection lost after sending, HTTP 504/524: Unreachable for reads,
 *     OutcomeUnknown for {@link Call#CHANGE} and {@link Call#PLACE};</li>
 * <li>an answer that is not what the action returns: OutcomeUnknown when placing, else Rejected.</li>
 * </ul>
 * The API key is never logged and is masked in every message, including texts the panel sends back.
 * <p>
 * The JDK client itself never sends a POST twice: on a keep-alive connection the panel closed, it
 * resends only GET and HEAD, unless {@value #RESEND_EVERYTHING} is set; then nothing that changes
 * anything is sent at all.
 */
final class PanelClient {

    static final String URL_SETTING = "url";
    static final String KEY_SETTING = "key";
    static final String TIMEOUT_SETTING = "timeoutSeconds";
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    private static final int MAX_TIMEOUT_SECONDS = 600;
    private static final int SNIPPET_LENGTH = 200;
    private static final String MASK = "****";
    /** Makes the JDK client resend any request, an order included, when a pooled connection turns out closed. */
    static final String RESEND_EVERYTHING = "jdk.httpclient.enableAllMethodRetry";

    /** Immutable and thread-safe; floats as BigDecimal so money keeps its exact text. */
    private static final JSON JSON_READER = JSON.std.with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** What a call does at the panel; decides how a failure after sending is reported. */
    enum Call {
        /** Only reads (services, status, balance, refill_status): always safe to repeat. */
        READ,
        /** Changes something (refill, cancel): a lost answer leaves the outcome unknown. */
        CHANGE,
        /** Places an order: a lost or unreadable answer leaves the outcome unknown. */
        PLACE
    }

    private final URI url;
    private final String key;
    private final Duration timeout;
    private final HttpClient http;
    private final System.Logger logger;

    private PanelClient(URI url, String key, Duration timeout, HttpClient http, System.Logger logger) {
        this.url = url;
        this.key = key;
        this.timeout = timeout;
        this.http = http;
        this.logger = logger;
    }

    static PanelClient of(HostContext context) throws ProviderException.Rejected {
        String rawUrl = context.setting(URL_SETTING)
                .orElseThrow(() -> new ProviderException.Rejected("Setting 'url' is missing"));
        URI url = httpUrl(rawUrl).orElseThrow(() -> new ProviderException.Rejected("Setting 'url' must be an http or https URL"));
        String key = context.setting(KEY_SETTING).map(String::trim)
                .orElseThrow(() -> new ProviderException.Rejected("Setting 'key' (API key) is missing"));
        return new PanelClient(url, key, Duration.ofSeconds(timeoutSeconds(context)), context.httpClient(),
                context.logger());
    }

    /** The panel's address if it is an absolute http or https URL. */
    static Optional<URI> httpUrl(String value) {
        try {
            URI url = new URI(value.trim());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The settings {@link #of} would refuse or quietly replace, by setting key. */
    static Map<String, String> problems(Map<String, String> settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (httpUrl(settings.getOrDefault(URL_SETTING, "")).isEmpty()) {
            problems.put(URL_SETTING, "Enter the panel's API address starting with https:// or http://");
        }
        String timeout = settings.get(TIMEOUT_SETTING);
        Long seconds = timeout == null ? null : PanelValues.whole(timeout);
        if (timeout != null && (seconds == null || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS)) {
            problems.put(TIMEOUT_SETTING, "Enter whole seconds from 1 to " + MAX_TIMEOUT_SECONDS);
        }
        return problems;
    }

    private static long timeoutSeconds(HostContext context) {
        Long seconds = context.setting(TIMEOUT_SETTING).map(PanelValues::whole).orElse(null);
        if (seconds == null || seconds < 1) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
        return Math.min(seconds, MAX_TIMEOUT_SECONDS);
    }

    /** Posts {@code action} with {@code fields}; answers the parsed JSON unless the panel reported an error. */
    Answer post(String action, Call call, Map<String, String> fields) throws ProviderException {
        if (call != Call.READ && resendsEverything()) {
            throw new ProviderException.Unreachable("Not sent to " + url.getHost() + ": the Java option " + RESEND_EVERYTHING
                    + " lets the HTTP client send '" + action + "' twice; remove it", null);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", key);
        form.put("action", action);
        form.putAll(fields);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new ProviderException.Unreachable(
                    "Provider not reachable (" + url.getHost() + "): connect timed out", e);
        } catch (HttpTimeoutException e) {
            throw afterSending(action, call, "no answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw afterSending(action, call, "interrupted while waiting for the answer", e);
        } catch (IOException e) {
            if (neverSent(e)) {
                throw new ProviderException.Unreachable(
                        "Provider not reachable (" + url.getHost() + "): " + describe(e), e);
            }
            throw afterSending(action, call, "connection lost: " + describe(e), e);
        }
        logger.log(Level.DEBUG, () -> "SMM panel " + url.getHost() + " " + action + ": HTTP "
                + response.statusCode() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        String text = mask(new String(response.body(), StandardCharsets.UTF_8));
        Object json = parse(text);
        String error = json instanceof Map<?, ?> object ? error(object) : null;
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (error != null) {
                throw new ProviderException.Rejected(error);
            }
            return new Answer(call, json, text);
        }
        throw httpFailure(action, call, status, error);
    }

    private ProviderException httpFailure(String action, Call call, int status, String error) {
        String detail = error == null ? "" : ": " + error;
        if ((status == 504 || status == 524) && call != Call.READ) {
            // a gateway gave up waiting for the panel, which may still have carried the request out
            return afterSending(action, call, "gateway timeout (HTTP " + status + ")", null);
        }
        if (status >= 500 || status == 429 || status == 408) {
            return new ProviderException.Unreachable(
                    "Provider unavailable (HTTP " + status + "); nothing was accepted" + detail, null);
        }
        return new ProviderException.Rejected("Provider refused the request (HTTP " + status + ")" + detail);
    }

    private ProviderException afterSending(String action, Call call, String what, Throwable cause) {
        String message = "Provider did not answer '" + action + "': " + what;
        return switch (call) {
            case READ -> new ProviderException.Unreachable(message, cause);
            case CHANGE -> new ProviderException.OutcomeUnknown(message + "; it may have been carried out", cause);
            case PLACE -> new ProviderException.OutcomeUnknown(
                    message + "; the order may or may not have been placed", cause);
        };
    }

    /** Read as the JDK reads it (empty or "true"); its other source, conf/net.properties, leaves it unset by default. */
    static boolean resendsEverything() {
        String value = System.getProperty(RESEND_EVERYTHING);
        return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
    }

    /** Failures that happen before a single byte of the request went out. */
    private static boolean neverSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof UnresolvedAddressException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    private String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + mask(message));
    }

    private static String error(Map<?, ?> object) {
        Object error = object.get("error");
        if (error == null) {
            return null;
        }
        String text = PanelValues.text(error);
        return text == null ? "Provider reported an error" : text;
    }

    private static Object parse(String text) {
        try {
            return text.isBlank() ? null : JSON_READER.anyFrom(text);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Masks the API key wherever it appears, also URL-encoded (some panels echo the request). */
    private String mask(String text) {
        if (key.isEmpty()) {
            return text;
        }
        return text.replace(key, MASK).replace(URLEncoder.encode(key, StandardCharsets.UTF_8), MASK);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A successful answer: parsed JSON ({@code null} if it was not JSON) and its text with the key masked. */
    record Answer(Call call, Object json, String text) {

        Map<?, ?> object() throws ProviderException {
            if (json instanceof Map<?, ?> object) {
                return object;
            }
            throw unexpected();
        }

        List<?> list() throws ProviderException {
            if (json instanceof List<?> list) {
                return list;
            }
            throw unexpected();
        }

        /** The answer is not what the action should return. */
        ProviderException unexpected() {
            String message = "Unexpected answer from provider: " + snippet(text);
            return call == Call.PLACE
                    ? new ProviderException.OutcomeUnknown(message + "; the order may or may not have been placed", null)
                    : new ProviderException.Rejected(message);
        }

        private static String snippet(String text) {
            String flat = text.strip().replaceAll("\\s+", " ");
            if (flat.isEmpty()) {
                return "(empty)";
            }
            return flat.length() <= SNIPPET_LENGTH ? flat : flat.substring(0, SNIPPET_LENGTH) + "...";
        }
    }
}
