package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The storefront in a real browser at phone size (390×844) and on a desktop (1366×900): the first
 * screen holds the search box and the platform tiles, every SMM price reads per 1000, the address
 * carries what is chosen (back works), and "Sign in to order" comes back to the same service.
 * Every page is photographed into {@code target/screenshots/} at both sizes.
 */
@RunningOrdino
class StorefrontBrowserTest {

    @LocalServerPort
    int port;
    private ChromeDriver chrome;
    private WebDriverWait wait;

    @AfterEach
    void closeBrowser() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    private void open(int width, int height) throws Exception {
        chrome = Browser.startExactly(width, height);
        wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
    }

    /** Scrolls the element to the middle of the screen first: the shop's content scrolls inside its frame. */
    private void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        chrome.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private boolean inFirstScreen(WebElement element) {
        return (Boolean) chrome.executeScript("const r = arguments[0].getBoundingClientRect();"
                + " return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", element);
    }

    /** Every SMM price on the page reads "… per 1000", and no price reads per another batch. */
    private void everySmmPriceReadsPerThousand() {
        List<WebElement> prices = chrome.findElements(By.cssSelector(".ordino-price[data-kind='service']"));
        assertThat(prices).isNotEmpty();
        assertThat(prices).extracting(WebElement::getText).allMatch(text -> text.matches("\\d[\\d,.]* USD per 1000"));
        assertThat(chrome.findElement(By.tagName("body")).getText()).doesNotContainPattern("USD / \\d");
    }

    private String customer() throws Exception {
        Api api = new Api(port);
        String email = "shop-" + UUID.randomUUID() + "@example.com";
        api.newCustomer(email);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        long id = Long.parseLong(Api.field(api.get("/v1/admin/users?email=" + email, admin).body(), "id"));
        assertThat(api.post("/v1/admin/users/" + id + "/wallet-adjustments", admin,
                "{\"amount\":\"20.00\",\"reason\":\"Bank transfer\"}").statusCode()).isEqualTo(201);
        return email;
    }

    private void signIn(String email) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']"))).sendKeys(email);
        chrome.findElement(By.cssSelector("input[name='password']")).sendKeys("customer-pass");
        chrome.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
    }

    private String followersId() throws Exception {
        return Api.field(new Api(port).get("/v1/products?category=tiktok&q=followers", null).body(), "id");
    }

    @Test
    void onAPhoneTheCatalogOpensWithSearchAndPlatformTilesAndSignInComesBackToTheService() throws Exception {
        open(390, 844);
        chrome.get(base() + "/");
        WebElement tiles = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("platform-tiles")));
        assertThat(inFirstScreen(chrome.findElement(By.id("shop-search")))).as("search inside the first screen").isTrue();
        List<WebElement> tileList = tiles.findElements(By.cssSelector(".ordino-tile"));
        assertThat(tileList).hasSizeGreaterThanOrEqualTo(3);
        assertThat(inFirstScreen(tileList.getFirst())).as("platform tiles inside the first screen").isTrue();
        assertThat(tileList.getFirst().getText()).containsPattern("\\d+ services");
        assertThat(chrome.findElements(By.cssSelector("#section-categories vaadin-button")))
                .as("no wall of category chips before a platform is chosen").noneMatch(WebElement::isDisplayed);
        everySmmPriceReadsPerThousand();
        Browser.screenshot(chrome, "shop-catalog-390");

        click(By.id("section-tiktok"));
        wait.until(ExpectedConditions.urlContains("?section=tiktok"));
        wait.until(ExpectedConditions.textToBe(By.id("shop-heading"), "TikTok"));
        everySmmPriceReadsPerThousand();
        Browser.screenshot(chrome, "shop-catalog-tiktok-390");
        chrome.navigate().back();
        wait.until(ExpectedConditions.textToBe(By.id("shop-heading"), "Everything"));
        chrome.navigate().forward();
        wait.until(ExpectedConditions.textToBe(By.id("shop-heading"), "TikTok"));

        WebElement search = chrome.findElement(By.cssSelector("#shop-search input"));
        search.sendKeys("followers");
        wait.until(ExpectedConditions.urlContains("q=followers"));
        chrome.get(chrome.getCurrentUrl()); // a shared link shows the same
        wait.until(ExpectedConditions.textToBe(By.id("shop-heading"), "TikTok"));
        assertThat(chrome.findElement(By.cssSelector("#shop-search input")).getDomProperty("value")).isEqualTo("followers");
        everySmmPriceReadsPerThousand();

        String followers = followersId();
        chrome.get(base() + "/s/" + followers + "-not-its-name");
        wait.until(ExpectedConditions.urlMatches(".*/s/" + followers + "-tiktok-followers$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offering-facts")));
        everySmmPriceReadsPerThousand();
        Browser.screenshot(chrome, "shop-offering-visitor-390");
        click(By.id("order-sign-in"));
        wait.until(ExpectedConditions.urlContains("/login?continue="));
        Browser.screenshot(chrome, "shop-login-390");

        String email = customer();
        signIn(email);
        wait.until(ExpectedConditions.urlMatches(".*/s/" + followers + "-tiktok-followers$"));
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#order-link input")));
        link.sendKeys("https://www.tiktok.com/@a-rather-long-profile-name-that-must-wrap-on-a-phone-" + "x".repeat(40));
        WebElement quantity = chrome.findElement(By.cssSelector("#order-quantity input"));
        quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        quantity.sendKeys("1000");
        wait.until(ExpectedConditions.textToBe(By.id("order-total"), "5.00 USD"));
        Browser.screenshot(chrome, "shop-offering-390");
        click(By.id("order-add-to-cart"));

        chrome.get(base() + "/new-order?service=" + followers);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-order-details")));
        everySmmPriceReadsPerThousand();
        Long headerHeight = (Long) chrome.executeScript(
                "return Math.round(document.getElementById('customer-header').getBoundingClientRect().height);");
        assertThat(headerHeight).as("the signed-in header stays one line on a phone").isLessThan(70L);
        assertThat(chrome.findElement(By.id("nav-new-order")).getDomAttribute("href")).isEqualTo("new-order");
        Browser.screenshot(chrome, "shop-new-order-390");

        chrome.get(base() + "/cart");
        WebElement pay = wait.until(ExpectedConditions.elementToBeClickable(By.id("checkout")));
        assertThat(pay.getText()).isEqualTo("Pay 5.00 USD from wallet");
        assertThat(chrome.findElement(By.id("cart-lines")).getText()).contains("a-rather-long-profile-name");
        Browser.screenshot(chrome, "shop-cart-390");
        pay.click();
        wait.until(ExpectedConditions.urlMatches(".*/orders/\\d+$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-stepper")));
        WebElement itemLink = chrome.findElement(By.cssSelector(".order-item-link"));
        assertThat((Boolean) chrome.executeScript("return arguments[0].scrollWidth <= arguments[0].clientWidth + 1;", itemLink))
                .as("a long link wraps instead of widening the page").isTrue();
        assertThat((Boolean) chrome.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("nothing wider than the phone").isTrue();
        Browser.screenshot(chrome, "shop-order-390");
        chrome.get(base() + "/orders");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("orders-tabs")));
        Browser.screenshot(chrome, "shop-my-orders-390");
        chrome.get(base() + "/register");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register")));
        Browser.screenshot(chrome, "shop-register-390");
    }

    @Test
    void onADesktopEveryStorefrontPageIsPhotographed() throws Exception {
        open(1366, 900);
        String followers = followersId();
        chrome.get(base() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("platform-tiles")));
        everySmmPriceReadsPerThousand();
        Browser.screenshot(chrome, "shop-catalog-1366");
        chrome.get(base() + "/?section=instagram");
        wait.until(ExpectedConditions.textToBe(By.id("shop-heading"), "Instagram"));
        Browser.screenshot(chrome, "shop-catalog-instagram-1366");
        chrome.get(base() + "/s/" + followers);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offering-facts")));
        Browser.screenshot(chrome, "shop-offering-visitor-1366");
        chrome.get(base() + "/register");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register")));
        Browser.screenshot(chrome, "shop-register-1366");
        chrome.get(base() + "/login?continue=new-order%3Fservice%3D" + followers);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='username']")));
        Browser.screenshot(chrome, "shop-login-1366");
        signIn(customer());
        wait.until(ExpectedConditions.urlContains("/new-order?service=" + followers));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-now")));
        everySmmPriceReadsPerThousand();
        Browser.screenshot(chrome, "shop-new-order-1366");
        chrome.findElement(By.cssSelector("#order-link input")).sendKeys("https://www.tiktok.com/@desk");
        click(By.id("order-add-to-cart"));
        chrome.get(base() + "/cart");
        WebElement pay = wait.until(ExpectedConditions.elementToBeClickable(By.id("checkout")));
        Browser.screenshot(chrome, "shop-cart-1366");
        pay.click();
        wait.until(ExpectedConditions.urlMatches(".*/orders/\\d+$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-stepper")));
        Browser.screenshot(chrome, "shop-order-1366");
        chrome.get(base() + "/orders?tab=active");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("orders-tabs")));
        Browser.screenshot(chrome, "shop-my-orders-1366");
    }
}
