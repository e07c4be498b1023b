package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.ordino.RunningOrdino;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Products through the REST API: pickup and delivery at checkout, staff acceptance, booking code, QR and hand-over. */
@RunningOrdino
class ProductsApiTest {

    @LocalServerPort
    int port;

    private Api api;
    private String admin;
    private long stand;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        admin = api.token("admin@ordino.demo", "admin-demo-1");
        stand = Long.parseLong(Api.field(api.get("/v1/products?type=product&q=Laptop%20Stand", null).body(), "id"));
    }

    private String customerWith(String amount) throws Exception {
        String email = "products-" + UUID.randomUUID() + "@example.com";
        String token = api.newCustomer(email);
        String id = Api.field(api.get("/v1/admin/users?email=" + email, admin).body(), "id");
        HttpResponse<String> funded = api.post("/v1/admin/users/" + id + "/wallet-adjustments", admin,
                "{\"amount\":\"" + amount + "\",\"reason\":\"Test funds\"}");
        assertThat(funded.statusCode()).as(funded.body()).isEqualTo(201);
        return token;
    }

    private String order(String fulfilment) {
        return "{\"items\":[{\"productId\":" + stand + ",\"quantity\":1}],\"payment\":\"wallet\""
                + (fulfilment == null ? "" : ",\"fulfilment\":" + fulfilment) + "}";
    }

    private HttpResponse<byte[]> png(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "image/png,image/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aProductAnswersItsStockMethodsAndRating() throws Exception {
        HttpResponse<String> product = api.get("/v1/products/" + stand, null);
        assertThat(product.statusCode()).isEqualTo(200);
        assertThat(product.body()).contains("\"fulfilment\":[\"pickup\",\"delivery\"]").contains("\"rating\":{\"average\":null,\"count\":0}");
        assertThat(Integer.parseInt(Api.field(product.body(), "stock"))).isPositive();
    }

    @Test
    void aPickupOrderIsAcceptedCollectedByItsBookingCodeAndItsQrIsForItsCustomerOnly() throws Exception {
        String customer = customerWith("200.00");
        String stranger = customerWith("1.00");
        HttpResponse<String> bad = api.post("/v1/orders", customer, order("{\"type\":\"delivery\",\"address\":\"2 Side St\"}"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(Api.field(bad.body(), "code")).isEqualTo("invalid_phone");
        HttpResponse<String> wrongType = api.post("/v1/orders", customer, order("{\"type\":\"drone\"}"));
        assertThat(Api.field(wrongType.body(), "code")).isEqualTo("invalid_fulfilment");

        HttpResponse<String> placed = api.post("/v1/orders", customer, order("{\"type\":\"pickup\"}"));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        assertThat(placed.body()).contains("\"fulfilment\":{\"type\":\"pickup\",\"status\":\"awaiting\"");
        String id = Api.field(placed.body(), "id");
        assertThat(png("/v1/orders/" + id + "/qr.png", customer).statusCode()).isEqualTo(404);
        assertThat(api.post("/v1/admin/handover", admin, "{\"code\":\"nonsense\"}").statusCode()).isEqualTo(404);

        HttpResponse<String> accepted = api.post("/v1/admin/orders/" + id + "/accept", admin, "{}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(Api.field(accepted.body(), "status")).isEqualTo("confirmed");
        assertThat(accepted.body()).as("staff never see the customer's proof").doesNotContain("bookingCode");
        assertThat(api.post("/v1/admin/orders/" + id + "/accept", admin, "{}").statusCode()).isEqualTo(409);

        String code = Api.field(api.get("/v1/orders/" + id, customer).body(), "bookingCode");
        assertThat(code).hasSize(8);
        HttpResponse<byte[]> qr = png("/v1/orders/" + id + "/qr.png", customer);
        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(qr.body()));
        assertThat(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText())
                .endsWith("/admin/handover/" + code);
        assertThat(png("/v1/orders/" + id + "/qr.png", stranger).statusCode()).isEqualTo(404);
        assertThat(api.get("/v1/orders/" + id, stranger).statusCode()).isEqualTo(404);

        HttpResponse<String> notReady = api.post("/v1/admin/handover", admin, "{\"code\":\"" + code + "\"}");
        assertThat(notReady.statusCode()).isEqualTo(409);
        assertThat(Api.field(notReady.body(), "code")).isEqualTo("not_ready");
        assertThat(api.post("/v1/admin/orders/" + id + "/ready", admin, "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> handed = api.post("/v1/admin/handover", admin, "{\"code\":\"" + code + "\"}");
        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(200);
        assertThat(Api.field(handed.body(), "status")).isEqualTo("completed");
        assertThat(handed.body()).contains("\"fulfilment\":{\"type\":\"pickup\",\"status\":\"handed_over\"");
        HttpResponse<String> again = api.post("/v1/admin/handover", admin, "{\"code\":\"" + code + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Api.field(again.body(), "code")).isEqualTo("already_handed_over");
        assertThat(api.get("/v1/orders/" + id, customer).body()).contains("\"status\":\"handed_over\"");

        long ratingsBefore = Long.parseLong(Api.field(api.get("/v1/products/" + stand, null).body().split("\"rating\"")[1], "count"));
        assertThat(api.post("/v1/orders/" + id + "/rating", stranger, "{\"stars\":1}").statusCode()).isEqualTo(404);
        assertThat(Api.field(api.post("/v1/orders/" + id + "/rating", customer, "{\"stars\":6}").body(), "code")).isEqualTo("invalid_stars");
        HttpResponse<String> rated = api.post("/v1/orders/" + id + "/rating", customer, "{\"stars\":4,\"comment\":\"Sturdy\"}");
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(201);
        HttpResponse<String> twice = api.post("/v1/orders/" + id + "/rating", customer, "{\"stars\":5}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(Api.field(twice.body(), "code")).isEqualTo("already_rated");
        String rating = api.get("/v1/products/" + stand, null).body().split("\"rating\"")[1];
        assertThat(Long.parseLong(Api.field(rating, "count"))).isEqualTo(ratingsBefore + 1);
        assertThat(Api.field(rating, "average")).isNotEqualTo("null");

        String open = Api.field(api.post("/v1/orders", customer, order(null)).body(), "id");
        HttpResponse<String> early = api.post("/v1/orders/" + open + "/rating", customer, "{\"stars\":5}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(Api.field(early.body(), "code")).isEqualTo("not_completed");
    }

    @Test
    void staffConfirmingOrRejectingThroughTheStatusEndpointAcceptOrRejectTheOrder() throws Exception {
        String customer = customerWith("200.00");
        String first = Api.field(api.post("/v1/orders", customer, order(null)).body(), "id");
        HttpResponse<String> confirmed = api.post("/v1/admin/orders/" + first + "/status", admin, "{\"status\":\"confirmed\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(Api.field(api.get("/v1/orders/" + first, customer).body(), "bookingCode")).hasSize(8);

        String second = Api.field(api.post("/v1/orders", customer,
                order("{\"type\":\"delivery\",\"address\":\"2 Side St\",\"phone\":\"+62 812 555\"}")).body(), "id");
        HttpResponse<String> rejected = api.post("/v1/admin/orders/" + second + "/reject", admin, "{\"reason\":\"Out of stock\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(Api.field(rejected.body(), "status")).isEqualTo("rejected");
        assertThat(Api.field(rejected.body(), "paymentStatus")).isEqualTo("refunded");
        assertThat(rejected.body()).contains("\"address\":\"2 Side St\"");
        assertThat(api.post("/v1/admin/orders/" + second + "/status", admin, "{\"status\":\"rejected\"}").statusCode()).isEqualTo(409);
    }
}
