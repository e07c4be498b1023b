package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer in a real browser on a phone-sized screen: registers, is funded by an admin, orders
 * a service, and watches the order page change when the admin moves the order on.
 */
@RunningOrdino
class CustomerJourneyTest {

    @LocalServerPort
    int port;
    private ChromeDriver chrome;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        chrome = Browser.start(412, 915);
        wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    private WebElement input(String hostId) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + hostId + " input, #" + hostId + " textarea")));
    }

    private void type(String hostId, String text) {
        WebElement field = input(hostId);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    @Test
    void registerGetFundedOrderAndWatchTheOrderMove() throws Exception {
        String base = "http://127.0.0.1:" + port;
        String email = "journey-" + UUID.randomUUID() + "@example.com";

        chrome.get(base + "/register");
        type("email", email);
        type("display-name", "Journey Customer");
        type("password", "journey-pass-1");
        chrome.findElement(By.id("register")).click();
        // Signing up signs the customer in: the shop opens with their menu.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("platform-tiles")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-orders")));

        Api api = new Api(port);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        long id = Long.parseLong(Api.field(api.get("/v1/admin/users?email=" + email, admin).body(), "id"));
        assertThat(api.post("/v1/admin/users/" + id + "/wallet-adjustments", admin,
                "{\"amount\":\"10.00\",\"reason\":\"Bank transfer\"}").statusCode()).isEqualTo(201);

        // Signs out and in again with the password just chosen.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-login")));
        chrome.get(base + "/login");
        WebElement username = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        username.sendKeys(email);
        chrome.findElement(By.cssSelector("input[name='password']")).sendKeys("journey-pass-1");
        chrome.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("platform-tiles")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("section-tiktok"))).click();
        wait.until(ExpectedConditions.urlContains("section=tiktok"));
        Browser.screenshot(chrome, "journey-catalog");

        String followers = Api.field(api.get("/v1/products?category=tiktok&q=followers", null).body(), "id");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("order-" + followers))).click();
        type("order-quantity", "400");
        wait.until(ExpectedConditions.textToBe(By.id("order-total"), "2.00 USD"));
        assertThat(chrome.findElement(By.id("order-balance")).getText()).isEqualTo("Your balance: 10.00 USD");
        type("order-link", "https://www.tiktok.com/@journey");
        Browser.screenshot(chrome, "journey-order-form");
        chrome.findElement(By.id("order-now")).click();

        wait.until(ExpectedConditions.urlMatches(".*/orders/\\d+$"));
        String orderId = chrome.getCurrentUrl().replaceAll(".*/orders/", "");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"), "Pending"));

        var moved = api.post("/v1/admin/orders/" + orderId + "/status", admin,
                "{\"status\":\"processing\",\"reason\":\"Sent to provider\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        // No reload: the page hears of the change through server push.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-status"), "Processing"));
        // The staff reason stays in the back office: the customer reads the shop's status words only.
        assertThat(chrome.findElement(By.id("order-timeline")).getText()).contains("Processing").doesNotContain("Sent to provider");
        Browser.screenshot(chrome, "journey-order-processing");

        assertThat(Api.field(api.get("/v1/wallet", api.token(email, "journey-pass-1")).body(), "balance")).isEqualTo("8.00");
        chrome.get(base + "/wallet");
        wait.until(ExpectedConditions.textToBe(By.id("wallet-balance"), "8.00 USD"));
        Browser.screenshot(chrome, "journey-wallet");
    }
}
