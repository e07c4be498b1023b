package dev.ordino.stock;

import dev.ordino.Actors;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingForm;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.PackagePrice;
import dev.ordino.catalog.WhenOutOfStock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Test digital offerings with codes in stock. */
@Component
public class DigitalOffering {

    private final Actors actors;
    private final CatalogService catalog;
    private final CodeStock stock;
    private final JdbcClient jdbc;

    DigitalOffering(Actors actors, CatalogService catalog, CodeStock stock, JdbcClient jdbc) {
        this.actors = actors;
        this.catalog = catalog;
        this.stock = stock;
        this.jdbc = jdbc;
    }

    /** A gift card sold in packages of 1 (2.00) and 5 (9.00), with {@code codes} codes in stock. */
    public OfferingView withCodes(int codes, WhenOutOfStock whenOutOfStock) {
        return withCodes(codes, whenOutOfStock, null);
    }

    /** The same, raising LowStock when the available codes fall to {@code lowStockThreshold}. */
    public OfferingView withCodes(int codes, WhenOutOfStock whenOutOfStock, Integer lowStockThreshold) {
        long category = jdbc.sql("SELECT id FROM category ORDER BY id LIMIT 1").query(Long.class).single();
        OfferingView offering = actors.asAdmin(() -> catalog.saveOffering(new OfferingForm(null, category, OfferingKind.DIGITAL,
                "Gift card " + UUID.randomUUID(), null, null, null, null, null, null, null, false, null, null, true,
                List.of(new PackagePrice(1, new BigDecimal("2.00")), new PackagePrice(5, new BigDecimal("9.00"))), lowStockThreshold,
                whenOutOfStock)));
        add(offering.id(), codes, "code");
        return offering;
    }

    /** Adds {@code count} new codes, named {@code <prefix>-<offering>-<n>-<random>}. */
    public List<String> add(long offeringId, int count, String prefix) {
        List<String> codes = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            codes.add(prefix + "-" + offeringId + "-" + i + "-" + run);
        }
        if (count > 0) {
            actors.asAdmin(() -> stock.upload(offeringId, codes, false, Actors.ADMIN_EMAIL));
        }
        return codes;
    }
}
