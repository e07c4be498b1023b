package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A product collected in person, in a real browser on a phone-sized screen: the customer orders
 * it for pickup, staff accept it and get it ready, the customer's page shows the booking code,
 * and staff open the hand-over page from the code's address (as the phone's camera would from
 * the QR code) and hand the order over.
 */
@RunningOrdino
class PickupJourneyTest {

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

    private void signIn(String base, String email, String password) {
        chrome.manage().deleteAllCookies();
        chrome.get(base + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']"))).sendKeys(email);
        chrome.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        chrome.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @Test
    void aCustomerOrdersForPickupAndStaffHandItOverByTheBookingCode() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Api api = new Api(port);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        String email = "pickup-" + UUID.randomUUID() + "@example.com";
        String customer = api.newCustomer(email);
        String userId = Api.field(api.get("/v1/admin/users?email=" + email, admin).body(), "id");
        assertThat(api.post("/v1/admin/users/" + userId + "/wallet-adjustments", admin,
                "{\"amount\":\"200.00\",\"reason\":\"Test funds\"}").statusCode()).isEqualTo(201);
        String stand = Api.field(api.get("/v1/products?type=product&q=Laptop%20Stand", null).body(), "id");

        signIn(base, email, "customer-pass");
        chrome.get(base + "/s/" + stand + "-laptop-stand");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fulfilment-method")));
        Browser.screenshot(chrome, "pickup-order-form");
        var orderNow = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-now")));
        chrome.executeScript("arguments[0].scrollIntoView({block: 'center'})", orderNow);
        wait.until(ExpectedConditions.elementToBeClickable(orderNow)).click();
        wait.until(ExpectedConditions.urlMatches(".*/orders/\\d+$"));
        String orderId = chrome.getCurrentUrl().replaceAll(".*/orders/", "");
        wait.until(ExpectedConditions.textToBe(By.id("fulfilment-status"), "Waiting for the store"));

        assertThat(api.post("/v1/admin/orders/" + orderId + "/accept", admin, "{}").statusCode()).isEqualTo(200);
        assertThat(api.post("/v1/admin/orders/" + orderId + "/ready", admin, "{}").statusCode()).isEqualTo(200);
        // No reload: the page hears of both steps through server push.
        wait.until(ExpectedConditions.textToBe(By.id("fulfilment-status"), "Ready for pickup"));
        String code = chrome.findElement(By.id("booking-code")).getText();
        assertThat(code).isEqualTo(Api.field(api.get("/v1/orders/" + orderId, customer).body(), "bookingCode"));
        assertThat(chrome.findElement(By.cssSelector("#order-fulfilment img")).getAttribute("src")).startsWith("data:image/png;base64,");
        Browser.screenshot(chrome, "pickup-booking-code");

        signIn(base, "admin@ordino.demo", "admin-demo-1");
        chrome.get(base + "/admin/handover/" + code);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handover-order"), "ORD-"));
        assertThat(chrome.findElement(By.cssSelector("#handover-code input")).getAttribute("value")).isEqualTo(code);
        Browser.screenshot(chrome, "pickup-hand-over");
        chrome.findElement(By.id("handover-submit")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("handover-order"), "data-status", "completed"));
        Browser.screenshot(chrome, "pickup-handed-over");

        assertThat(Api.field(api.get("/v1/orders/" + orderId, customer).body(), "status")).isEqualTo("completed");
    }
}
