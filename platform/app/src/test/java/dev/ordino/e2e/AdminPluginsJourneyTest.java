package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real browser: the demo admin signs in and opens the Plugins page. */
@RunningOrdino
class AdminPluginsJourneyTest {

    @LocalServerPort
    int port;
    private ChromeDriver chrome;

    @BeforeEach
    void openBrowser() throws Exception {
        chrome = Browser.start(412, 915); // a phone-sized window: mobile first
    }

    @AfterEach
    void closeBrowser() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @Test
    void theAdminSignsInAndSeesThePlugins() throws Exception {
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
        chrome.get("http://127.0.0.1:" + port + "/admin/plugins");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        Browser.screenshot(chrome, "login");
        WebElement username = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        username.sendKeys("admin@ordino.demo");
        chrome.findElement(By.cssSelector("input[name='password']")).sendKeys("admin-demo-1");
        chrome.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();

        wait.until(ExpectedConditions.urlContains("/admin/plugins"));
        WebElement grid = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plugins-grid")));
        wait.until(driver -> grid.getText().contains("notify-log") || cellsContain(driver, "notify-log"));
        assertThat(cellsContain(chrome, "Started")).isTrue();
        assertThat(cellsContain(chrome, "Incompatible")).as("the plugin needing a newer API is shown as such").isTrue();

        Path shot = Browser.screenshot(chrome, "admin-plugins");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        chrome.get("http://127.0.0.1:" + port + "/no/such/page");
        WebElement notFound = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#not-found, #error-title")));
        assertThat(notFound.getText()).isEqualTo("Page not found");
        assertThat(chrome.getPageSource()).doesNotContain("Exception").doesNotContain("at com.vaadin");
        Browser.screenshot(chrome, "not-found");
    }

    @Test
    void theBackOfficePagesOpenInABrowserOnAWideScreen() throws Exception {
        chrome.manage().window().setSize(new Dimension(1280, 900));
        WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
        chrome.get("http://127.0.0.1:" + port + "/admin/orders");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']"))).sendKeys("admin@ordino.demo");
        chrome.findElement(By.cssSelector("input[name='password']")).sendKeys("admin-demo-1");
        chrome.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        for (String[] page : new String[][]{{"admin/orders", "orders-grid"}, {"admin/catalog", "offerings-admin-grid"},
                {"admin/users", "users-grid"}, {"admin/settings", "shop-name"}, {"admin/providers", "providers-sync-orders"},
                {"admin/payments", "payments-grid"}, {"", "platform-tiles"}}) {
            chrome.get("http://127.0.0.1:" + port + "/" + page[0]);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id(page[1])));
            Thread.sleep(500); // let the grid render its first page before the picture
            assertThat(chrome.getPageSource()).doesNotContain("Something went wrong");
            Browser.screenshot(chrome, "wide-" + (page[0].isEmpty() ? "catalog" : page[0].replace('/', '-')));
        }
        // The instance editors render each plugin's settings as fields.
        for (String[] editor : new String[][]{{"admin/providers", "providers-add", "provider"}, {"admin/payments", "payments-add-gateway", "gateway"}}) {
            chrome.get("http://127.0.0.1:" + port + "/" + editor[0]);
            var button = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(editor[1])));
            chrome.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
            wait.until(ExpectedConditions.elementToBeClickable(button)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id^='" + editor[2] + "-setting-']")));
            Thread.sleep(300);
            Browser.screenshot(chrome, "wide-" + editor[0].replace('/', '-') + "-editor");
        }
    }

    private static boolean cellsContain(WebDriver driver, String text) {
        return driver.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .anyMatch(cell -> cell.getText().contains(text));
    }
}
