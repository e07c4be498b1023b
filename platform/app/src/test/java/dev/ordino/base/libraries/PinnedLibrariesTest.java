package dev.ordino.base.libraries;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.ordino.OrdinoTest;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The libraries the next features rely on (Bucket4j is already used by the sign-in rate limit), pinned in the parent pom at versions the reachable
 * Maven mirror serves: each one resolves, loads beside Spring Boot 4 and Vaadin 25 on this JDK,
 * and does the job it was picked for.
 */
@OrdinoTest
class PinnedLibrariesTest {

    @Autowired
    DataSource dataSource;

    @Test
    void zxingWritesAQrCodeThatReadsBack() throws Exception {
        BitMatrix matrix = new QRCodeWriter().encode("BOOKING-7K2Q9", BarcodeFormat.QR_CODE, 200, 200);
        int[] pixels = new int[matrix.getWidth() * matrix.getHeight()];
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                pixels[y * matrix.getWidth() + x] = matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(matrix.getWidth(), matrix.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo("BOOKING-7K2Q9");
    }

    @Test
    void commonsCsvRoundTripsAwkwardValues() throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord("42", "Ана, \"VIP\"", "line1\nline2", "5.00");
        }
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().toList()).containsExactly("42", "Ана, \"VIP\"", "line1\nline2", "5.00");
    }

    @Test
    void bucket4jLimitsBursts() {
        Bucket bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(3).refillGreedy(3, Duration.ofMinutes(1)).build())
                .build();
        assertThat(List.of(bucket.tryConsume(1), bucket.tryConsume(1), bucket.tryConsume(1), bucket.tryConsume(1)))
                .containsExactly(true, true, true, false);
    }

    @Test
    void stripeJavaVerifiesAWebhookSignatureAndRefusesAForgedOne() throws Exception {
        String secret = "whsec_test_secret";
        String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{}}}";
        long timestamp = Instant.now().getEpochSecond();
        String signature = Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        String header = "t=" + timestamp + ",v1=" + signature;

        Event event = Webhook.constructEvent(payload, header, secret);
        assertThat(event.getType()).isEqualTo("payment_intent.succeeded");
        assertThatThrownBy(() -> Webhook.constructEvent(payload.replace("evt_1", "evt_2"), header, secret))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void wiremockStandaloneServesOnLoopbackBesideSpringBoot() throws Exception {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            server.stubFor(get(urlEqualTo("/api/v2?action=balance"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"balance\":\"100.84\",\"currency\":\"USD\"}")));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/v2?action=balance")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("\"balance\":\"100.84\"");
        } finally {
            server.stop();
        }
    }

    @Test
    void shedlockLetsOnlyOneNodeHoldAJobLockOnMariaDb() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE IF NOT EXISTS shedlock_probe (name VARCHAR(64) NOT NULL PRIMARY KEY, "
                + "lock_until TIMESTAMP(3) NOT NULL, locked_at TIMESTAMP(3) NOT NULL, locked_by VARCHAR(255) NOT NULL)");
        try {
            JdbcTemplateLockProvider locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                    .withJdbcTemplate(jdbc).withTableName("shedlock_probe").usingDbTime().build());
            LockConfiguration job = new LockConfiguration(Instant.now(), "provider-sync", Duration.ofMinutes(1), Duration.ZERO);
            Optional<SimpleLock> first = locks.lock(job);
            assertThat(first).isPresent();
            assertThat(locks.lock(job)).as("a second node is refused while the first holds it").isEmpty();
            first.get().unlock();
            assertThat(locks.lock(job)).isPresent();
        } finally {
            jdbc.execute("DROP TABLE shedlock_probe");
        }
    }
}
