package dev.ordino.reseller;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls {@code /api/v2} the three ways real clients do: a form post, a query string, a JSON body. */
final class PanelClient {

    enum Style { FORM, QUERY, JSON }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String url;

    PanelClient(int port) {
        this(port, null);
    }

    /** A client whose connections start from {@code from} (another loopback address, say). */
    PanelClient(int port, InetAddress from) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (from != null) {
            builder.localAddress(from);
        }
        this.http = builder.build();
        this.url = "http://127.0.0.1:" + port + "/api/v2";
    }

    record Answer(int status, String body, JsonNode json) {

        String error() {
            return json.isObject() && json.has("error") ? json.get("error").asString() : null;
        }
    }

    Answer call(Style style, String key, String action, String... fields) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        if (key != null) {
            params.put("key", key);
        }
        params.put("action", action);
        for (int i = 0; i < fields.length; i += 2) {
            params.put(fields[i], fields[i + 1]);
        }
        HttpRequest request = switch (style) {
            case FORM -> HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(params))).build();
            case QUERY -> HttpRequest.newBuilder(URI.create(url + "?" + encode(params))).GET().build();
            case JSON -> HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(params))).build();
        };
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), JSON.readTree(response.body()));
    }

    Answer call(String key, String action, String... fields) throws Exception {
        return call(Style.FORM, key, action, fields);
    }

    static String encode(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
