package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.Figures;
import dev.ordino.RunningOrdino;
import dev.ordino.SecondNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Two nodes on one MariaDB, as behind a load balancer with sticky sessions: a customer's order
 * page open in a real browser on node A follows a status change staff make through node B's API.
 */
@RunningOrdino
class TwoNodesJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void anOrderPageOnOneNodeFollowsAStatusChangeMadeThroughTheOthersApi() throws Exception {
        try (SecondNode nodeB = SecondNode.beside(context)) {
            Api onA = new Api(port);
            Api onB = new Api(nodeB.port());
            String email = "two-nodes-" + UUID.randomUUID() + "@example.com";
            String customer = onA.newCustomer(email);
            String admin = onB.token(Actors.ADMIN_EMAIL, Actors.ADMIN_PASSWORD);
            String customerId = Api.field(onB.get("/v1/admin/users?email=" + email, admin).body(), "id");
            assertThat(onB.post("/v1/admin/users/" + customerId + "/wallet-adjustments", admin,
                    "{\"amount\":\"5.00\",\"reason\":\"Bank transfer\"}").statusCode()).isEqualTo(201);
            String product = Api.field(onA.get("/v1/products?category=tiktok&q=followers", null).body(), "id");
            HttpResponse<String> placed = onA.post("/v1/orders", customer, "{\"items\":[{\"productId\":" + product
                    + ",\"quantity\":100,\"link\":\"https://www.tiktok.com/@two-nodes\"}],\"payment\":\"wallet\"}");
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            String orderId = Api.field(placed.body(), "id");

            ChromeDriver chrome = Browser.start(412, 915);
            try {
                WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
                chrome.get("http://127.0.0.1:" + port + "/login");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']"))).sendKeys(email);
                chrome.findElement(By.cssSelector("input[name='password']")).sendKeys("customer-pass");
                chrome.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("platform-tiles")));
                chrome.get("http://127.0.0.1:" + port + "/orders/" + orderId);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"), "Pending"));

                HttpResponse<String> moved = onB.post("/v1/admin/orders/" + orderId + "/status", admin,
                        "{\"status\":\"processing\",\"reason\":\"Sent to provider\"}");
                assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
                long committed = System.nanoTime();
                // No reload: node A reads node B's change from the feed and pushes it to the page.
                new WebDriverWait(chrome, Duration.ofSeconds(2), Duration.ofMillis(50))
                        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"), "Processing"));
                Figures.report("Browser on node A showed node B's change %d ms after the commit",
                        (System.nanoTime() - committed) / 1_000_000);
                // The staff reason stays in the back office: the customer reads the shop's status words only.
                assertThat(chrome.findElement(By.id("order-timeline")).getText()).contains("Processing").doesNotContain("Sent to provider");
                Browser.screenshot(chrome, "two-nodes-order-processing");
            } finally {
                chrome.quit();
            }
        }
    }
}
