package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import dev.ordino.catalog.CatalogService;
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

/** A customer in a real browser buys a package of five codes and reads them on the order page; another customer cannot. */
@RunningOrdino
class DigitalJourneyTest {

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

    @Test
    void buyACodePackageAndSeeTheCodes() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Api api = new Api(port);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        String category = Api.field(api.post("/v1/admin/categories", admin,
                "{\"name\":\"Journey cards " + UUID.randomUUID().toString().substring(0, 8) + "\"}").body(), "id");
        String name = "Journey card " + UUID.randomUUID().toString().substring(0, 8);
        String id = Api.field(api.post("/v1/admin/products", admin, "{\"type\":\"digital\",\"categoryId\":" + category
                + ",\"name\":\"" + name + "\",\"packages\":[{\"size\":1,\"price\":\"2.50\"},{\"size\":5,\"price\":\"11.00\"}]}").body(), "id");
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        assertThat(api.post("/v1/admin/products/" + id + "/codes", admin, "{\"codes\":[\"J-" + run + "-1\",\"J-" + run
                + "-2\",\"J-" + run + "-3\",\"J-" + run + "-4\",\"J-" + run + "-5\",\"J-" + run + "-6\"]}").body()).contains("\"added\":6");

        String email = "codes-" + UUID.randomUUID() + "@example.com";
        api.newCustomer(email);
        long customer = Long.parseLong(Api.field(api.get("/v1/admin/users?email=" + email, admin).body(), "id"));
        assertThat(api.post("/v1/admin/users/" + customer + "/wallet-adjustments", admin,
                "{\"amount\":\"20.00\",\"reason\":\"Bank transfer\"}").statusCode()).isEqualTo(201);
        signIn(base, email);

        chrome.get(base + "/s/" + id + "-" + CatalogService.slugOf(name, "offering"));
        type("order-quantity", "5");
        wait.until(ExpectedConditions.textToBe(By.id("order-total"), "11.00 USD"));
        Browser.screenshot(chrome, "digital-order-form");
        chrome.findElement(By.id("order-now")).click();

        wait.until(ExpectedConditions.urlMatches(".*/orders/\\d+$"));
        String orderUrl = chrome.getCurrentUrl();
        WebElement codes = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".order-item-codes")));
        assertThat(codes.getText().lines().toList())
                .containsExactly("J-" + run + "-1", "J-" + run + "-2", "J-" + run + "-3", "J-" + run + "-4", "J-" + run + "-5");
        Browser.screenshot(chrome, "digital-order-codes");

        // The same address as another customer: no such order, no codes.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-login")));
        String other = "other-" + UUID.randomUUID() + "@example.com";
        api.newCustomer(other);
        signIn(base, other);
        chrome.get(orderUrl);
        Thread.sleep(1000); // the page settles; what must not appear is checked after
        assertThat(chrome.findElements(By.cssSelector(".order-item-codes"))).isEmpty();
        assertThat(chrome.getPageSource()).doesNotContain("J-" + run);
    }

    private void signIn(String base, String email) {
        chrome.get(base + "/login");
        WebElement username = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        username.sendKeys(email);
        chrome.findElement(By.cssSelector("input[name='password']")).sendKeys("customer-pass");
        chrome.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("platform-tiles")));
    }

    private void type(String hostId, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + hostId + " input")));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }
}
