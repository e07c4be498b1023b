package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import dev.ordino.payment.FakeStripe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * A customer tops up in a real browser on a phone-sized screen: amount, Stripe (a fake on
 * 127.0.0.1), then the page waits — and turns "Paid" by itself when the signed webhook arrives.
 */
@RunningOrdino
class TopUpJourneyTest {

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
    void aTopUpIsShownPaidOnlyOnceTheGatewaySaysSo() throws Exception {
        Api api = new Api(port);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        String email = "topup-" + UUID.randomUUID() + "@example.com";
        api.newCustomer(email);
        try (FakeStripe stripe = new FakeStripe()) {
            HttpResponse<String> created = api.post("/v1/admin/gateways", admin, """
                    {"name":"Card %s","plugin":"payment-stripe","settings":{"secretKey":"%s","webhookSecret":"%s","apiBase":"%s"}}"""
                    .formatted(UUID.randomUUID(), FakeStripe.SECRET_KEY, FakeStripe.WEBHOOK_SECRET, stripe.settings().get("apiBase")));
            long gateway = Long.parseLong(Api.field(created.body(), "id"));

            String base = "http://127.0.0.1:" + port;
            chrome.get(base + "/wallet");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']"))).sendKeys(email);
            chrome.findElement(By.cssSelector("input[name='password']")).sendKeys("customer-pass");
            chrome.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("wallet-top-up"))).click();
            WebElement amount = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#topup-amount input")));
            amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            amount.sendKeys("12.50");
            // The newest gateway is the one this test made; choose it by its label.
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//vaadin-radio-button[.//label[starts-with(normalize-space(.), 'Card ')]][last()]"))).click();
            Browser.screenshot(chrome, "topup-form");
            chrome.findElement(By.id("topup-pay")).click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("topup-status"), "Waiting for payment"));
            assertThat(chrome.findElement(By.id("topup-open")).getAttribute("href")).startsWith(stripe.settings().get("apiBase") + "/pay/");
            Browser.screenshot(chrome, "topup-waiting");
            String session = chrome.findElement(By.id("topup-open")).getAttribute("href").replaceAll(".*/pay/", "");

            stripe.paid(session);
            String event = stripe.event("evt_" + UUID.randomUUID(), "checkout.session.completed", session, null);
            HttpResponse<String> delivered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base + "/v1/payments/" + gateway + "/webhook")).header("Content-Type", "application/json")
                    .header("Stripe-Signature", FakeStripe.sign(event)).POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
            // No reload: the page hears of the payment through server push.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("topup-status"), "Paid"));
            Browser.screenshot(chrome, "topup-paid");
            chrome.get(base + "/wallet");
            wait.until(ExpectedConditions.textToBe(By.id("wallet-balance"), "12.50 USD"));
        }
    }
}
