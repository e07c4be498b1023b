package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The back office and the wallet in a real browser at phone size (390×844) and on a laptop
 * (1366×900): the orders grid shows a row inside the phone's first screen, and every page is
 * photographed at both sizes into {@code target/screenshots/}.
 */
@RunningOrdino
class BackOfficeScreensTest {

    private static final String[][] PAGES = {{"admin", "dashboard-chart"}, {"admin/orders", "orders-grid"},
            {"admin/payments", "payments-grid"}, {"admin/catalog", "offerings-admin-grid"}, {"admin/users", "users-grid"},
            {"admin/settings", "shop-name"}, {"admin/providers", "providers-add"}, {"admin/plugins", "plugins-grid"},
            {"wallet", "ledger"}, {"wallet/top-up", "topup-amount"}, {"admin/channels", "channels-add"},
            {"admin/notifications", "notification-log-grid"}, {"admin/stock", "stock-lines"}, {"mass-order", "mass-text"},
            {"api-keys", "api-key-name"}, {"notifications", "notification-preferences"}};

    @LocalServerPort
    int port;
    private ChromeDriver chrome;

    @AfterEach
    void closeBrowser() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    private long top(WebElement element) {
        return (Long) chrome.executeScript("return Math.round(arguments[0].getBoundingClientRect().top);", element);
    }

    @Test
    void onAPhoneTheOrdersGridShowsARowInTheFirstScreenAndEveryPageIsPhotographed() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Api api = new Api(port);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        String customer = api.newCustomer("screens-" + UUID.randomUUID() + "@example.com");
        String product = Api.field(api.get("/v1/products?category=tiktok&q=followers", null).body(), "id");
        long customerId = Long.parseLong(Api.field(api.get("/v1/me", customer).body(), "id"));
        assertThat(api.post("/v1/admin/users/" + customerId + "/wallet-adjustments", admin,
                "{\"amount\":\"5.00\",\"reason\":\"Screens\"}").statusCode()).isEqualTo(201);
        assertThat(api.post("/v1/orders", customer, "{\"items\":[{\"productId\":" + product
                + ",\"quantity\":100,\"link\":\"https://www.tiktok.com/@screens\"}],\"payment\":\"wallet\"}").statusCode()).isEqualTo(201);

        chrome = Browser.start(390, 844);
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
        chrome.get(base + "/admin/orders");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']"))).sendKeys("admin@ordino.demo");
        chrome.findElement(By.cssSelector("input[name='password']")).sendKeys("admin-demo-1");
        chrome.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("orders-grid")));
        Thread.sleep(700);
        Browser.screenshot(chrome, "backoffice-phone-orders-first-screen");
        WebElement firstRow = wait.until(driver -> driver.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                .filter(cell -> cell.getText().matches("ORD-\\d+") && cell.isDisplayed()).findFirst().orElse(null));
        long bottom = (Long) chrome.executeScript("const r = arguments[0].getBoundingClientRect(); return Math.round(r.bottom);", firstRow);
        assertThat(bottom).as("the first order's row ends inside the first screen").isBetween(1L, 844L);
        assertThat(chrome.getTitle()).as("the tab names the shop").endsWith(" · Ordino");

        for (Dimension size : new Dimension[]{new Dimension(390, 844), new Dimension(1366, 900)}) {
            chrome.manage().window().setSize(size);
            for (String[] page : PAGES) {
                chrome.get(base + "/" + page[0]);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id(page[1])));
                Thread.sleep(700); // let grids render their first page before the picture
                assertThat(chrome.getPageSource()).doesNotContain("Something went wrong");
                Browser.screenshot(chrome, "backoffice-" + size.getWidth() + "-" + page[0].replace('/', '-'));
                if (size.getWidth() < 900 && page[0].equals("admin/payments")) {
                    assertThat(chrome.findElements(By.id("payments-filters"))).as("payment filters wait behind a button")
                            .noneMatch(WebElement::isDisplayed);
                    assertThat(top(chrome.findElement(By.id("payments-grid")))).as("the payments grid starts in the phone's first half")
                            .isLessThan(422L);
                    chrome.findElement(By.id("payments-filters-toggle")).click();
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payments-status")));
                    Browser.screenshot(chrome, "backoffice-390-admin-payments-filters-open");
                } else if (page[0].equals("admin/payments")) {
                    assertThat(chrome.findElement(By.id("payments-status")).isDisplayed()).as("a laptop shows the filters at once").isTrue();
                } else if (size.getWidth() < 900 && page[0].equals("admin/catalog")) {
                    WebElement price = wait.until(driver -> driver.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                            .filter(cell -> cell.isDisplayed() && cell.getText().contains(" per 1000"))
                            .findFirst().orElse(null));
                    long right = (Long) chrome.executeScript("return Math.round(arguments[0].getBoundingClientRect().right);", price);
                    assertThat(right).as("an SMM service's price fits the phone's width").isLessThanOrEqualTo(390L);
                }
            }
            for (String missing : new String[]{"no-such-page", "no/such/page"}) {
                chrome.get(base + "/" + missing);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#not-found, #error-title")));
                Thread.sleep(500);
                Browser.screenshot(chrome, "backoffice-" + size.getWidth() + "-not-found-" + missing.replace('/', '-'));
                assertThat(chrome.findElements(By.id("brand"))).as("the 404 page of " + missing + " names the shop").isNotEmpty();
            }
        }
    }
}
