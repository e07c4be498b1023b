package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Digital goods over REST v1: staff create a code package product and fill its stock, a customer buys it and alone sees the codes. */
@RunningOrdino
class DigitalGoodsApiTest {

    @LocalServerPort
    int port;

    private Api api;
    private String admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        admin = api.token("admin@ordino.demo", "admin-demo-1");
    }

    @Test
    void staffSellCodePackagesAndOnlyTheBuyerReadsTheCodes() throws Exception {
        HttpResponse<String> category = api.post("/v1/admin/categories", admin,
                "{\"name\":\"Gift cards " + UUID.randomUUID().toString().substring(0, 8) + "\"}");
        assertThat(category.statusCode()).isEqualTo(201);
        String categoryId = Api.field(category.body(), "id");

        HttpResponse<String> created = api.post("/v1/admin/products", admin, "{\"type\":\"digital\",\"categoryId\":" + categoryId
                + ",\"name\":\"Game card\",\"packages\":[{\"size\":1,\"price\":\"2.50\"},{\"size\":5,\"price\":\"11.00\"}],"
                + "\"lowStockThreshold\":2,\"whenOutOfStock\":\"refund\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = Api.field(created.body(), "id");
        assertThat(api.get("/v1/products/" + id, null).body()).contains("\"packages\":[{\"size\":1,\"price\":\"2.50\"},{\"size\":5,\"price\":\"11.00\"}]")
                .contains("\"type\":\"digital\"");

        String lines = "GAME-AAAA-0001\nGAME-AAAA-0002\nGAME-AAAA-0001\n\nGAME-AAAA-0003\nGAME-AAAA-0004\nGAME-AAAA-0005\nGAME-AAAA-0006\n";
        HttpResponse<String> preview = text("/v1/admin/products/" + id + "/codes?dryRun=true", lines);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("\"added\":6", "\"duplicates\":1", "\"invalid\":1", "\"duplicateLines\":[3]",
                "\"invalidLines\":[{\"line\":4,\"reason\":\"empty\"}]");
        assertThat(api.get("/v1/admin/products/" + id + "/stock", admin).body())
                .isEqualTo("{\"available\":0,\"reserved\":0,\"sold\":0,\"void\":0}");
        assertThat(text("/v1/admin/products/" + id + "/codes", lines).body()).contains("\"added\":6");
        HttpResponse<String> json = api.post("/v1/admin/products/" + id + "/codes", admin, "{\"codes\":[\"GAME-AAAA-0006\"]}");
        assertThat(json.body()).contains("\"added\":0", "\"duplicateLines\":[1]");

        String buyer = api.newCustomer("buyer-" + UUID.randomUUID() + "@example.com");
        String other = api.newCustomer("other-" + UUID.randomUUID() + "@example.com");
        String buyerId = Api.field(api.get("/v1/me", buyer).body(), "id");
        assertThat(api.post("/v1/admin/users/" + buyerId + "/wallet-adjustments", admin,
                "{\"amount\":\"20.00\",\"reason\":\"Test funds\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> wrongSize = api.post("/v1/orders", buyer,
                "{\"items\":[{\"productId\":" + id + ",\"quantity\":3}],\"payment\":\"wallet\"}", UUID.randomUUID().toString());
        assertThat(wrongSize.statusCode()).isEqualTo(400);
        assertThat(wrongSize.body()).contains("\"code\":\"invalid_package\"");

        HttpResponse<String> placed = api.post("/v1/orders", buyer,
                "{\"items\":[{\"productId\":" + id + ",\"quantity\":5}],\"payment\":\"wallet\"}", UUID.randomUUID().toString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        assertThat(placed.body()).contains("\"total\":\"11.00\"", "\"status\":\"completed\"");
        String orderId = Api.field(placed.body(), "id");

        String mine = api.get("/v1/orders/" + orderId, buyer).body();
        assertThat(mine).contains("\"codes\":[\"GAME-AAAA-0001\",\"GAME-AAAA-0002\",\"GAME-AAAA-0003\",\"GAME-AAAA-0004\",\"GAME-AAAA-0005\"]");
        HttpResponse<String> theirs = api.get("/v1/orders/" + orderId, other);
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).doesNotContain("GAME-AAAA");
        assertThat(api.get("/v1/admin/products/" + id + "/stock", admin).body())
                .isEqualTo("{\"available\":1,\"reserved\":0,\"sold\":5,\"void\":0}");
        String masked = api.get("/v1/admin/products/" + id + "/codes?state=sold", admin).body();
        assertThat(masked).doesNotContain("GAME-AAAA").contains("0005");
    }

    @Test
    void staffChangeOnlyWhatTheyPutAndBadInputIsAProblemNotAnError() throws Exception {
        String category = Api.field(api.post("/v1/admin/categories", admin,
                "{\"name\":\"Vouchers " + UUID.randomUUID().toString().substring(0, 8) + "\",\"platform\":\"other\"}").body(), "id");
        String id = Api.field(api.post("/v1/admin/products", admin, "{\"type\":\"digital\",\"categoryId\":" + category
                + ",\"name\":\"Voucher\",\"description\":\"Ten off\",\"packages\":[{\"size\":1,\"price\":\"1.00\"}]}").body(), "id");

        HttpResponse<String> changed = api.put("/v1/admin/products/" + id, admin,
                "{\"packages\":[{\"size\":10,\"price\":\"9.00\"},{\"size\":1,\"price\":\"1.00\"}]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"name\":\"Voucher\"", "\"description\":\"Ten off\"",
                "\"packages\":[{\"size\":1,\"price\":\"1.00\"},{\"size\":10,\"price\":\"9.00\"}]",
                "\"minQuantity\":1", "\"maxQuantity\":10");

        for (String bad : new String[]{"{\"type\":\"spaceship\"}", "{\"whenOutOfStock\":\"later\"}",
                "{\"packages\":[{\"size\":0,\"price\":\"1\"}]}", "{\"packages\":[{\"size\":2,\"price\":\"1\"},{\"size\":2,\"price\":\"3\"}]}"}) {
            HttpResponse<String> refused = api.put("/v1/admin/products/" + id, admin, bad);
            assertThat(refused.statusCode()).as(bad + " -> " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(api.put("/v1/admin/products/999999999", admin, "{\"name\":\"x\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> notDigital = api.get("/v1/admin/products/" + Api.field(api.get("/v1/products?type=service", null).body(), "id")
                + "/stock", admin);
        assertThat(notDigital.statusCode()).isEqualTo(409);
        String customer = api.newCustomer("nosy-" + UUID.randomUUID() + "@example.com");
        assertThat(api.get("/v1/admin/products/" + id + "/stock", customer).statusCode()).isEqualTo(403);
    }

    @Test
    void anUploadOverFiveMebibytesIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> response = text("/v1/admin/products/1/codes?dryRun=true", "X".repeat(5 * 1024 * 1024 + 1));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"payload_too_large\"");
    }

    private HttpResponse<String> text(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
