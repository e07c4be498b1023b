package dev.ordino.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.base.DomainException;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.WhenOutOfStock;
import dev.ordino.account.AccountSummary;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.PlaceOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The code stock as staff keep it: upload with preview, encryption at rest, counts, masking, audited reveal, void and replace. */
@OrdinoTest
class CodeStockTest {

    @Autowired
    CodeStock stock;
    @Autowired
    DigitalOffering digital;
    @Autowired
    OrderService orders;
    @Autowired
    Actors actors;
    @Autowired
    JdbcClient jdbc;

    @Test
    void thePreviewFindsDuplicatesInTheFileAndInStockAndInvalidLinesAndSavesNothing() {
        OfferingView card = digital.withCodes(0, WhenOutOfStock.WAIT);
        actors.asAdmin(() -> stock.upload(card.id(), List.of("ALPHA-1", "BRAVO-2"), false, Actors.ADMIN_EMAIL));

        List<String> upload = List.of("CHARLIE-3", "ALPHA-1", "", "CHARLIE-3", "x".repeat(501), "\"DELTA-4\",note", "DELTA-5", "");
        CodeStock.UploadReport preview = actors.asAdmin(() -> stock.upload(card.id(), upload, true, Actors.ADMIN_EMAIL));

        assertThat(preview.added()).isEqualTo(3); // CHARLIE-3, DELTA-4 (first CSV column), DELTA-5
        assertThat(preview.duplicates()).isEqualTo(2);
        assertThat(preview.duplicateLines()).containsExactly(2, 4);
        assertThat(preview.invalid()).isEqualTo(2);
        assertThat(preview.invalidLines()).containsExactly(new CodeUpload.Invalid(3, "empty"), new CodeUpload.Invalid(5, "too_long"));
        assertThat(actors.asAdmin(() -> stock.counts(card.id())).available()).as("a preview saves nothing").isEqualTo(2);

        CodeStock.UploadReport saved = actors.asAdmin(() -> stock.upload(card.id(), upload, false, Actors.ADMIN_EMAIL));
        assertThat(saved.added()).isEqualTo(3);
        assertThat(saved.duplicateLines()).containsExactly(2, 4);
        assertThat(actors.asAdmin(() -> stock.counts(card.id())).available()).isEqualTo(5);
        assertThat(actors.asAdmin(() -> stock.upload(card.id(), List.of("DELTA-5"), true, Actors.ADMIN_EMAIL)).duplicates())
                .as("saved codes are found again by their fingerprint").isEqualTo(1);
    }

    @Test
    void theDatabaseHoldsNoReadableCodeAndTheSameCodeNeverEncryptsAlike() {
        OfferingView one = digital.withCodes(0, WhenOutOfStock.WAIT);
        OfferingView other = digital.withCodes(0, WhenOutOfStock.WAIT);
        String code = "SECRET-GIFT-CODE-0042";
        actors.asAdmin(() -> stock.upload(one.id(), List.of(code), false, Actors.ADMIN_EMAIL));
        actors.asAdmin(() -> stock.upload(other.id(), List.of(code), false, Actors.ADMIN_EMAIL));

        List<String> raw = jdbc.sql("SELECT CONCAT(secret, '|', fingerprint) FROM code_stock WHERE offering_id IN (?, ?)")
                .params(one.id(), other.id()).query(String.class).list();
        assertThat(raw).hasSize(2).allSatisfy(row -> assertThat(row).doesNotContain(code).doesNotContain("SECRET-GIFT"));
        assertThat(raw.get(0).split("\\|")[0]).isNotEqualTo(raw.get(1).split("\\|")[0]);
        long total = jdbc.sql("SELECT COUNT(*) FROM code_stock WHERE secret LIKE ?").param("%GIFT%").query(Long.class).single();
        assertThat(total).isZero();
    }

    @Test
    void staffSeeSoldCodesMaskedRevealingOneIsAuditedAndAVoidedCodeIsReplaced() {
        OfferingView card = digital.withCodes(3, WhenOutOfStock.WAIT);
        AccountSummary customer = actors.customerWith("10.00");
        long orderId = actors.as(customer, () -> orders.place(customer.id(), customer.email(),
                new PlaceOrder(List.of(new PlaceOrder.Line(card.id(), 1L, null, null)), "wallet"), null)).order().id();
        String delivered = actors.as(customer, () -> orders.myCodes(customer.id(), orderId)).values().iterator().next().getFirst();

        List<CodeStock.CodeRow> seen = actors.asAdmin(() -> stock.ofOrder(orderId));
        assertThat(seen).hasSize(1);
        assertThat(seen.getFirst().masked()).doesNotContain(delivered.substring(0, delivered.length() - 4))
                .endsWith(delivered.substring(delivered.length() - 4));

        long audited = auditLines("code_revealed");
        assertThat(actors.asAdmin(() -> stock.reveal(seen.getFirst().id(), "staff@example.com"))).isEqualTo(delivered);
        assertThat(auditLines("code_revealed")).isEqualTo(audited + 1);

        actors.asAdmin(() -> {
            stock.voidCode(seen.getFirst().id(), "staff@example.com");
            return null;
        });
        List<String> now = actors.as(customer, () -> orders.myCodes(customer.id(), orderId)).values().iterator().next();
        assertThat(now).hasSize(1).doesNotContain(delivered);
        CodeStock.Counts counts = actors.asAdmin(() -> stock.counts(card.id()));
        assertThat(counts).isEqualTo(new CodeStock.Counts(1, 0, 1, 1));
        assertThat(auditLines("code_voided")).isPositive();
        assertThatThrownBy(() -> actors.asAdmin(() -> {
            stock.voidCode(seen.getFirst().id(), "staff@example.com");
            return null;
        })).isInstanceOf(DomainException.class).hasMessageContaining("void already");
    }

    @Test
    void anotherCustomerCannotReadTheCodesOfAnOrder() {
        OfferingView card = digital.withCodes(1, WhenOutOfStock.WAIT);
        AccountSummary owner = actors.customerWith("10.00");
        AccountSummary other = actors.customerWith("0");
        long orderId = actors.as(owner, () -> orders.place(owner.id(), owner.email(),
                new PlaceOrder(List.of(new PlaceOrder.Line(card.id(), 1L, null, null)), "wallet"), null)).order().id();
        assertThat(actors.as(owner, () -> orders.myOrder(owner.id(), orderId)).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThatThrownBy(() -> actors.as(other, () -> orders.myCodes(other.id(), orderId)))
                .isInstanceOf(DomainException.class).hasMessageContaining("No such order");
    }

    @Test
    void aQuantityThatIsNoPackageIsRefusedAndAPackageCostsItsOwnPrice() {
        OfferingView card = digital.withCodes(5, WhenOutOfStock.WAIT);
        AccountSummary customer = actors.customerWith("20.00");
        assertThatThrownBy(() -> actors.as(customer, () -> orders.place(customer.id(), customer.email(),
                new PlaceOrder(List.of(new PlaceOrder.Line(card.id(), 3L, null, null)), "wallet"), null)))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "invalid_package");
        var placed = actors.as(customer, () -> orders.place(customer.id(), customer.email(),
                new PlaceOrder(List.of(new PlaceOrder.Line(card.id(), 5L, null, null)), "wallet"), null)).order();
        assertThat(placed.total()).isEqualByComparingTo("9.00");
        assertThat(placed.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(actors.as(customer, () -> orders.myCodes(customer.id(), placed.id())).get(placed.items().getFirst().id()))
                .hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void crossingTheLowStockThresholdAlertsStaffOnceAndNewCodesResolveIt() {
        OfferingView card = digital.withCodes(4, WhenOutOfStock.WAIT, 2);
        AccountSummary customer = actors.customerWith("10.00");
        for (int i = 0; i < 3; i++) {
            actors.as(customer, () -> orders.place(customer.id(), customer.email(),
                    new PlaceOrder(List.of(new PlaceOrder.Line(card.id(), 1L, null, null)), "wallet"), null));
        }
        assertThat(alerts(card)).as("raised once as the stock crossed 2, kept while it stays low").isEqualTo(1);
        digital.add(card.id(), 5, "more");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM admin_alert WHERE alert_key = ? AND resolved_at IS NULL")
                .param("low-stock:" + card.id()).query(Long.class).single()).isZero();
    }

    private long alerts(OfferingView card) {
        return jdbc.sql("SELECT COUNT(*) FROM admin_alert WHERE alert_key = ?").param("low-stock:" + card.id())
                .query(Long.class).single();
    }

    private long auditLines(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ?").param(action).query(Long.class).single();
    }
}
