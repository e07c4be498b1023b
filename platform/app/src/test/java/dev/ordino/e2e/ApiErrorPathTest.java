package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer under /v1 and /api (but the SMM panels' /api/v2) is a JSON problem with a code,
 * whoever produced the error: a controller, Spring MVC, the security chain, the container or
 * the body limit. Paging, numbers and idempotency keys from clients are checked, never a 500.
 */
@RunningOrdino
class ApiErrorPathTest {

    @LocalServerPort
    int port;

    Api api;
    String admin;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void signIn() throws Exception {
        api = new Api(port);
        admin = api.token("admin@ordino.demo", "admin-demo-1");
    }

    HttpResponse<String> send(String method, String path, String token, String contentType, String body, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.uri().toString())
                .startsWith("application/problem+json");
        assertThat(Api.field(response.body(), "code")).as(response.uri().toString()).isEqualTo(code);
        assertThat(Api.field(response.body(), "detail")).isNotBlank();
    }

    @Test
    void anAddressNoControllerServesIsA404ProblemNotTheWebPage() throws Exception {
        assertProblem(send("PUT", "/v1/admin/customers/1", admin, "application/json", "{\"enabled\":false}", null), 404, "not_found");
        assertProblem(send("GET", "/v1/no-such-thing", admin, null, null, null), 404, "not_found");
        assertProblem(send("GET", "/api/v1/services", admin, null, null, null), 404, "not_found");
        assertProblem(send("GET", "/v1/no-such-thing", null, null, null, null), 401, "unauthorized");
        assertProblem(send("GET", "/api/anything", null, null, null, null), 401, "unauthorized");
        // Real endpoints are still served, and still refuse the wrong method or media type with a problem.
        assertThat(send("GET", "/v1/products", null, null, null, null).statusCode()).isEqualTo(200);
        assertProblem(send("DELETE", "/v1/products", admin, null, null, null), 405, "method_not_allowed");
        assertProblem(send("POST", "/v1/orders", admin, "text/plain", "hello", null), 415, "unsupported_media_type");
        assertProblem(send("GET", "/v1/products", null, null, null, "text/html"), 406, "not_acceptable");
        assertProblem(send("GET", "/v1/admin/users", api.newCustomer("err-" + UUID.randomUUID() + "@example.com"), null, null, null),
                403, "forbidden");
        // Refused by the security firewall before any controller: rewritten on the way to /error.
        assertProblem(send("GET", "/v1/products/%2e%2e/admin", null, null, null, null), 400, "malformed_request");
        // The web pages keep their own answers.
        assertThat(send("GET", "/no-such-page", null, null, null, "text/html").headers().firstValue("Content-Type").orElse(""))
                .doesNotStartWith("application/problem+json");
    }

    @Test
    void pagesBeyondWhatCanBeAddressedAreInvalidPageOnEveryListing() throws Exception {
        String customer = api.newCustomer("pages-" + UUID.randomUUID() + "@example.com");
        Map<String, String> listings = Map.of("/v1/products", "", "/v1/orders", customer, "/v1/wallet/transactions", customer,
                "/v1/admin/orders", admin, "/v1/admin/users", admin, "/v1/admin/payments", admin);
        for (var listing : listings.entrySet()) {
            String token = listing.getValue().isEmpty() ? null : listing.getValue();
            for (String query : List.of("page=2147483647", "page=21474837&size=100", "page=-1", "page=abc", "size=x",
                    "page=99999999999")) {
                assertProblem(send("GET", listing.getKey() + "?" + query, token, null, null, null), 400, "invalid_page");
            }
            assertThat(send("GET", listing.getKey() + "?page=0&size=5", token, null, null, null).statusCode())
                    .as(listing.getKey()).isEqualTo(200);
        }
        // A far page that can be addressed is simply empty, never page 0 again.
        assertThat(send("GET", "/v1/admin/payments?page=21474835&size=100", admin, null, null, null).body()).isEqualTo("[]");
    }

    @Test
    void numbersInQueryStringsAreParsedWithBounds() throws Exception {
        long started = System.nanoTime();
        for (String amount : List.of("1e999999999", "1E+2147483647", "NaN", "0x10", "1" + "0".repeat(40))) {
            assertProblem(send("GET", "/v1/admin/payments?minAmount=" + amount, admin, null, null, null), 400, "invalid_number");
            assertProblem(send("GET", "/v1/admin/payments?maxAmount=" + amount, admin, null, null, null), 400, "invalid_number");
        }
        assertThat(System.nanoTime() - started).as("no huge number is expanded").isLessThan(10_000_000_000L);
        assertThat(send("GET", "/v1/admin/payments?minAmount=10.5&maxAmount=20", admin, null, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void everyIdempotencyKeyIsCheckedLikeOnOrders() throws Exception {
        String tooLong = "k".repeat(101);
        String email = "keys-" + UUID.randomUUID() + "@example.com";
        String customer = api.newCustomer(email);
        String userId = Api.field(api.get("/v1/admin/users?email=" + email, admin).body(), "id");
        Map<String, String> posts = Map.of(
                "/v1/orders", customer,
                "/v1/admin/users/" + userId + "/wallet-adjustments", admin,
                "/v1/admin/orders/1/refunds", admin);
        Map<String, String> bodies = Map.of(
                "/v1/orders", "{\"items\":[{\"productId\":1,\"quantity\":1}]}",
                "/v1/admin/users/" + userId + "/wallet-adjustments", "{\"amount\":1,\"reason\":\"test\"}",
                "/v1/admin/orders/1/refunds", "{\"amount\":\"1.00\",\"reason\":\"test\",\"to\":\"wallet\"}");
        for (var post : posts.entrySet()) {
            assertProblem(api.post(post.getKey(), post.getValue(), bodies.get(post.getKey()), tooLong), 400, "invalid_idempotency_key");
        }
        HttpResponse<String> gateway = api.post("/v1/admin/orders/1/refunds", admin,
                "{\"amount\":\"1.00\",\"reason\":\"test\",\"to\":\"gateway\"}", tooLong);
        assertProblem(gateway, 400, "invalid_idempotency_key");
    }

    @Test
    void bodiesOverTheLimitAre413BeforeTheyAreRead() throws Exception {
        Map<String, String> json = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + admin);
        long started = System.nanoTime();
        RawHttp.Answer declared = RawHttp.declare(port, "POST", "/v1/orders", json, 300L * 1024 * 1024);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Api.field(declared.body(), "code")).isEqualTo("payload_too_large");
        assertThat(System.nanoTime() - started).as("answered without waiting for 300 MB").isLessThan(5_000_000_000L);

        RawHttp.Answer streamed = RawHttp.chunked(port, "POST", "/v1/orders", json, 64L * 1024 * 1024, (byte) ' ');
        assertThat(streamed.status()).as(streamed.body()).isEqualTo(413);
        assertThat(Api.field(streamed.body(), "code")).isEqualTo("payload_too_large");
        assertThat(streamed.bytesSent()).as("stopped long before 64 MiB").isLessThan(16L * 1024 * 1024);

        String gateway = Api.field(api.post("/v1/admin/gateways", admin, """
                {"name":"Bank %s","plugin":"payment-manual","settings":{"instructions":"Transfer {amount}"}}"""
                .formatted(UUID.randomUUID())).body(), "id");
        String hook = "/v1/payments/" + gateway + "/webhook";
        Map<String, String> webhook = Map.of("Content-Type", "application/json");
        RawHttp.Answer bigWebhook = RawHttp.chunked(port, "POST", hook, webhook, 8L * 1024 * 1024, (byte) ' ');
        assertThat(bigWebhook.status()).as(bigWebhook.body()).isEqualTo(413);
        assertThat(Api.field(bigWebhook.body(), "code")).isEqualTo("payload_too_large");
        assertThat(RawHttp.declare(port, "POST", hook, webhook, 1024 * 1024 + 1).status()).isEqualTo(413);
        // A webhook may be larger than a JSON request: 512 KiB is read (and, unsigned, ignored by the manual gateway).
        assertThat(RawHttp.send("127.0.0.1", port, "POST", hook, webhook, " ".repeat(512 * 1024).getBytes()).status()).isEqualTo(200);
        // Under the limits, the same addresses read the body as usual.
        assertProblem(send("POST", "/v1/orders", admin, "application/json", " ".repeat(200 * 1024) + "{}", null), 400, "items_required");
    }
}
