package dev.ordino.catalog;

import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What only physical products carry besides the catalog entry: pickup or delivery and the
 * delivery fee ({@link ProductTerms}), and the rating customers gave after completion.
 */
@Service
public class ProductOptions {

    private final JdbcClient jdbc;

    ProductOptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Average stars (one decimal) and how many ratings; the average is null before the first. */
    public record Rating(BigDecimal average, long count) {
    }

    @Transactional(readOnly = true)
    public ProductTerms terms(long offeringId) {
        return terms(List.of(offeringId)).getOrDefault(offeringId, ProductTerms.ANY);
    }

    /** The terms of several offerings at once, for pricing an order. */
    @Transactional(readOnly = true)
    public Map<Long, ProductTerms> terms(Collection<Long> offeringIds) {
        Map<Long, ProductTerms> terms = new HashMap<>();
        if (offeringIds.isEmpty()) {
            return terms;
        }
        jdbc.sql("SELECT id, fulfilment, delivery_fee FROM offering WHERE id IN (:ids)").param("ids", offeringIds)
                .query(rs -> {
                    terms.put(rs.getLong(1), new ProductTerms(methods(rs.getString(2)), rs.getBigDecimal(3)));
                });
        return terms;
    }

    /**
     * Sets a product's methods and fee override.
     *
     * @throws DomainException {@code invalid_delivery_fee} (400)
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public ProductTerms save(long offeringId, ProductTerms terms) {
        check(terms);
        BigDecimal fee = terms.deliveryFee();
        String methods = terms.methods().containsAll(EnumSet.allOf(FulfilmentMethod.class)) ? null
                : terms.methods().stream().sorted().map(FulfilmentMethod::key).collect(Collectors.joining(","));
        int updated = jdbc.sql("UPDATE offering SET fulfilment = ?, delivery_fee = ? WHERE id = ?")
                .params(methods, fee == null ? null : fee.setScale(StoreCurrency.PRICE_SCALE, RoundingMode.UNNECESSARY), offeringId)
                .update();
        if (updated == 0) {
            throw DomainException.notFound("product_not_found", "No such offering");
        }
        return terms(offeringId);
    }

    /**
     * Refuses terms that cannot be saved, before anything else is (the offering editor saves the
     * offering first).
     *
     * @throws DomainException {@code invalid_delivery_fee} (400)
     */
    public static void check(ProductTerms terms) {
        BigDecimal fee = terms.deliveryFee();
        if (fee != null && (fee.signum() < 0 || fee.stripTrailingZeros().scale() > StoreCurrency.PRICE_SCALE
                || fee.compareTo(new BigDecimal("100000000")) >= 0)) {
            throw DomainException.badRequest("invalid_delivery_fee", "deliveryFee", "Enter a fee of zero or more, at most 4 decimals");
        }
    }

    @Transactional(readOnly = true)
    public Rating rating(long offeringId) {
        return jdbc.sql("SELECT rating_count, rating_sum FROM offering WHERE id = ?").param(offeringId)
                .query((rs, n) -> rating(rs.getLong(1), rs.getLong(2))).optional().orElse(new Rating(null, 0));
    }

    /** Counts one rating for each offering of a rated order, in the caller's transaction (which rates the order once). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rate(Collection<Long> offeringIds, int stars) {
        if (!offeringIds.isEmpty()) {
            jdbc.sql("UPDATE offering SET rating_count = rating_count + 1, rating_sum = rating_sum + :stars WHERE id IN (:ids)")
                    .param("stars", stars).param("ids", offeringIds).update();
        }
    }

    static Rating rating(long count, long sum) {
        return new Rating(count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP), count);
    }

    private static EnumSet<FulfilmentMethod> methods(String stored) {
        if (stored == null || stored.isBlank()) {
            return EnumSet.allOf(FulfilmentMethod.class);
        }
        EnumSet<FulfilmentMethod> methods = EnumSet.noneOf(FulfilmentMethod.class);
        Arrays.stream(stored.split(",")).map(FulfilmentMethod::parse).forEach(methods::add);
        return methods;
    }
}
