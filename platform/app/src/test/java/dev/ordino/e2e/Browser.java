package dev.ordino.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (never a downloaded
 * browser). Paths come from the system properties {@code ordino.test.chromium} and
 * {@code ordino.test.chromedriver} (see the app's pom).
 */
final class Browser {

    private Browser() {
    }

    static ChromeDriver start(int width, int height) throws IOException {
        File chromium = new File(System.getProperty("ordino.test.chromium", "/usr/bin/chromium"));
        File driver = new File(System.getProperty("ordino.test.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !driver.canExecute()) {
            throw new IllegalStateException("The browser test needs Debian's chromium and chromium-driver ("
                    + chromium + ", " + driver + "): apt-get install chromium chromium-driver, or run .ci/run");
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    /**
     * Starts the browser with exactly this viewport. A headless window keeps a minimum width of
     * about 500 pixels, so a phone's 390 is set through the DevTools device metrics instead.
     */
    static ChromeDriver startExactly(int width, int height) throws IOException {
        ChromeDriver chrome = start(width, height);
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
        return chrome;
    }

    static Path screenshot(ChromeDriver chrome, String name) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = chrome.getScreenshotAs(OutputType.FILE);
        return Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
