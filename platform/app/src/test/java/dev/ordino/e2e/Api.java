package dev.ordino.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small JSON-over-HTTP client for the REST API on 127.0.0.1. */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET().build());
    }

    public HttpResponse<String> post(String path, String token, String json) throws Exception {
        return post(path, token, json, null);
    }

    public HttpResponse<String> post(String path, String token, String json, String idempotencyKey) throws Exception {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder.build());
    }

    public HttpResponse<String> put(String path, String token, String json) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path, String token) throws Exception {
        return send(request(path, token).DELETE().build());
    }

    public String token(String email, String password) throws Exception {
        HttpResponse<String> response = post("/v1/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token: " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "access_token");
    }

    /** Registers a customer and answers its token. */
    public String newCustomer(String email) throws Exception {
        HttpResponse<String> created = post("/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"customer-pass\",\"name\":\"API Customer\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("register: " + created.statusCode() + " " + created.body());
        }
        return token(email, "customer-pass");
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The first value of a JSON field (string or number) — enough for these tests. */
    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|(-?[0-9.eE+]+|true|false|null))")
                .matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no field " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }
}
