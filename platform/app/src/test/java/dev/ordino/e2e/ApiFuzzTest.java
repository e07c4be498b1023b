package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Figures;
import dev.ordino.RunningOrdino;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every /v1 operation the OpenAPI description lists, sent malformed: missing and garbage bodies,
 * the wrong content type, huge numbers and long strings, out-of-range pages, unknown ids and bad
 * path variables, a bad Idempotency-Key, no token, a forged token, a customer's token on admin
 * routes. No answer may be a 5xx, and every error is a problem (problem+json with code and detail).
 */
@RunningOrdino
class ApiFuzzTest {

    private static final List<String> BAD_IDS = List.of("999999999", "abc", "-1", "1.5", "99999999999999999999", "%2e%2e", "%00");
    private static final List<String> BAD_QUERY = List.of("-1", "2147483647", "abc", "1e999999999", "", "x".repeat(3000));
    private static final String LONG = "x".repeat(5000);
    private static final List<String> BODIES = List.of("", "garbage", "{", "[]", "null", "{}", "[{}]", "\"text\"", "1e999999999",
            """
            {"amount":1e999999999,"quantity":99999999999999999999999,"productId":-1,"items":[{"productId":1e400,"quantity":-5}],
             "gateway":1e999999999,"markupPercent":1e999999999,"priority":99999999999,"conversionRate":-1e-999999999}""",
            """
            {"amount":{"x":1},"items":"many","status":7,"roles":"ADMIN","enabled":"maybe","settings":[1,2],"services":7,"to":[],
             "payment":{},"all":"yes","gateway":[true]}""",
            """
            {"name":"%s","email":"%s@example.com","password":"%s","reason":"%s","status":"%s","providerRef":"%s","plugin":"%s",
             "settings":{"%s":"%s"},"to":"%s","payment":"%s","services":["%s"],"items":[{"productId":1,"quantity":1,"link":"%s","note":"%s"}]}"""
                    .formatted(LONG, LONG, LONG, LONG, LONG, LONG, LONG, LONG.substring(0, 300), LONG, LONG, LONG, LONG, LONG, LONG),
            "[{\"providerId\":1e999999999,\"serviceId\":\"" + LONG + "\",\"priority\":-99999999999}]");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final Queue<String> findings = new ConcurrentLinkedQueue<>();

    record Call(String method, String path, String token, String contentType, String body, Map<String, String> headers) {
    }

    @Test
    void noMalformedRequestToAnyV1OperationAnswersA5xxOrAnythingButAProblem() throws Exception {
        Api api = new Api(port);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        String customer = api.newCustomer("fuzz-" + UUID.randomUUID() + "@example.com");
        String gateway = Api.field(api.post("/v1/admin/gateways", admin, """
                {"name":"Fuzz bank %s","plugin":"payment-manual","settings":{"instructions":"Transfer {amount}"}}"""
                .formatted(UUID.randomUUID())).body(), "id");
        HttpResponse<String> docs = api.get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = JsonMapper.builder().build().readTree(docs.body()).get("paths");

        List<Call> calls = new ArrayList<>();
        int operations = 0;
        for (var path : paths.properties()) {
            if (!path.getKey().startsWith("/v1/")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                calls.addAll(callsFor(method, path.getKey(), operation.getValue(), admin, customer, gateway));
            }
        }
        assertThat(operations).as("operations in the OpenAPI description").isGreaterThan(20);

        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> sent = new ArrayList<>();
            for (Call call : calls) {
                sent.add(pool.submit(() -> {
                    send(call);
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        Figures.report("API fuzz: %d requests over %d /v1 operations in %d ms, %d x 5xx, %d findings", requests.get(), operations,
                (System.nanoTime() - started) / 1_000_000, serverErrors.get(), findings.size());
        findings.stream().limit(40).forEach(finding -> Figures.report("%s", "  " + finding));
        assertThat(serverErrors.get()).as("5xx answers").isZero();
        assertThat(findings).isEmpty();
    }

    private List<Call> callsFor(String method, String template, JsonNode operation, String admin, String customer, String gateway) {
        boolean adminRoute = template.startsWith("/v1/admin/");
        String token = adminRoute ? admin : customer;
        boolean takesBody = operation.has("requestBody") || !method.equals("GET") && !method.equals("DELETE");
        String webhookGateway = template.contains("/webhook") ? gateway : null;
        String unknown = fill(template, webhookGateway != null ? webhookGateway : "999999999");
        List<Call> calls = new ArrayList<>();
        String plausible = takesBody ? "{}" : null;
        String type = takesBody ? "application/json" : null;

        for (String id : BAD_IDS) {
            if (template.contains("{")) {
                calls.add(new Call(method, fill(template, id), token, type, plausible, Map.of()));
            }
        }
        calls.add(new Call(method, unknown, null, type, plausible, Map.of()));
        calls.add(new Call(method, unknown, "not.a.token", type, plausible, Map.of()));
        calls.add(new Call(method, unknown, admin + "x", type, plausible, Map.of()));
        if (adminRoute) {
            calls.add(new Call(method, unknown, customer, type, plausible, Map.of()));
        }
        for (JsonNode parameter : operation.path("parameters").values()) {
            if ("query".equals(parameter.path("in").asString())) {
                for (String value : BAD_QUERY) {
                    calls.add(new Call(method, unknown + "?" + parameter.path("name").asString() + "="
                            + URLEncoder.encode(value, StandardCharsets.UTF_8), token, type, plausible, Map.of()));
                }
            }
        }
        for (String query : List.of("page=2147483647", "page=21474837&size=100", "page=-1&size=-1", "size=99999999999")) {
            calls.add(new Call(method, unknown + "?" + query, token, type, plausible, Map.of()));
        }
        if (takesBody) {
            for (String body : BODIES) {
                calls.add(new Call(method, unknown, token, "application/json", body, Map.of()));
            }
            calls.add(new Call(method, unknown, token, null, "{}", Map.of()));
            calls.add(new Call(method, unknown, token, "text/plain", "{}", Map.of()));
            calls.add(new Call(method, unknown, token, "application/xml", "<a/>", Map.of()));
            calls.add(new Call(method, unknown, token, "application/x-www-form-urlencoded", "a=1&b=" + LONG, Map.of()));
            calls.add(new Call(method, unknown, token, "application/json", "{}", Map.of("Idempotency-Key", "k".repeat(101))));
        }
        calls.add(new Call(method, unknown, token, type, plausible, Map.of("Accept", "application/xml")));
        return calls;
    }

    private static String fill(String template, String value) {
        return template.replaceAll("\\{[^}]+}", value);
    }

    private void send(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call.path()))
                .timeout(Duration.ofSeconds(30))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.token() != null) {
            request.header("Authorization", "Bearer " + call.token());
        }
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        call.headers().forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        requests.incrementAndGet();
        int status = response.statusCode();
        String what = call.method() + " " + cut(call.path()) + " [" + cut(String.valueOf(call.body())) + ", " + call.contentType() + ", "
                + call.headers().keySet() + "] -> " + status + " " + cut(response.body());
        if (status >= 500) {
            serverErrors.incrementAndGet();
            findings.add(what);
        } else if (status >= 400 && (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                || !response.body().contains("\"code\":") || !response.body().contains("\"detail\":"))) {
            findings.add("not a problem: " + what);
        }
    }

    private static String cut(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
