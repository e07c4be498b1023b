package dev.ordino.base.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.WhenOutOfStock;
import dev.ordino.payment.GatewayInstances;
import dev.ordino.stock.CodeStock;
import dev.ordino.stock.DigitalOffering;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The key-rotation command: every secret at rest and every code fingerprint moves to the new key, and back. */
@OrdinoTest
class SecretRekeyTest {

    @Autowired
    SecretRekey rekey;
    @Autowired
    StoreSecret current;
    @Autowired
    DigitalOffering digital;
    @Autowired
    CodeStock stock;
    @Autowired
    GatewayInstances gateways;
    @Autowired
    Actors actors;
    @Autowired
    JdbcClient jdbc;

    @Test
    void codesAndGatewaySecretsAreReadableOnlyUnderTheNewKeyAndDuplicatesAreStillFound() {
        OfferingView card = digital.withCodes(0, WhenOutOfStock.WAIT);
        String code = "REKEY-" + UUID.randomUUID();
        actors.asAdmin(() -> stock.upload(card.id(), List.of(code), false, Actors.ADMIN_EMAIL));
        long bank = actors.asAdmin(() -> gateways.create(new GatewayInstances.GatewayForm("Bank " + UUID.randomUUID(),
                "payment-manual", Map.of("instructions", "Pay {amount} to ACME Bank 123, reference {reference}"), true))).id();
        StoreSecret next = new StoreSecret("the-next-secret-key-" + UUID.randomUUID());

        Map<String, Integer> moved = rekey.rekey(current, next);
        assertThat(moved).containsKeys("codes", "gateway settings", "provider settings");
        assertThat(moved.get("codes")).isPositive();
        String sealed = jdbc.sql("SELECT secret FROM code_stock WHERE offering_id = ?").param(card.id()).query(String.class).single();
        assertThat(new SecretCipher(next.value()).decrypt(sealed)).isEqualTo(code);
        assertThatThrownBy(() -> new SecretCipher(current.value()).decrypt(sealed))
                .isInstanceOf(SecretCipher.SecretDecryptionException.class);
        String settings = jdbc.sql("SELECT settings FROM gateway_instance WHERE id = ?").param(bank).query(String.class).single();
        assertThat(new SecretCipher(next.value()).decrypt(settings)).contains("ACME Bank 123");
        assertThat(actors.asAdmin(() -> stock.upload(card.id(), List.of(code), true, Actors.ADMIN_EMAIL)).duplicates())
                .as("the fingerprint was recomputed: under the old key the code no longer matches").isZero();

        rekey.rekey(next, current);
        assertThat(actors.asAdmin(() -> stock.upload(card.id(), List.of(code), true, Actors.ADMIN_EMAIL)).duplicates()).isEqualTo(1);
        long codeId = jdbc.sql("SELECT id FROM code_stock WHERE offering_id = ?").param(card.id()).query(Long.class).single();
        assertThat(actors.asAdmin(() -> stock.reveal(codeId, Actors.ADMIN_EMAIL))).isEqualTo(code);
        assertThat(actors.asAdmin(() -> gateways.list()).stream().filter(g -> g.id() == bank).findFirst().orElseThrow()
                .settings().get("instructions")).contains("ACME Bank 123");
    }
}
