package dev.ordino.reseller;

import dev.ordino.account.AccountService;
import dev.ordino.base.DomainException;
import dev.ordino.base.UtcTime;
import dev.ordino.ordering.CustomerDiscounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-customer discounts, set by staff. How a discount meets a price (never below a provider's
 * cost) is decided in one place, ordering's {@code CustomerPrices}.
 */
@Service
public class PriceTiers implements CustomerDiscounts {

    private static final BigDecimal MAX = new BigDecimal("90");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccountService accounts;

    PriceTiers(JdbcClient jdbc, Clock clock, AccountService accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public BigDecimal discountPercent(long customerId) {
        return jdbc.sql("SELECT discount_percent FROM price_tier WHERE user_id = ?").param(customerId)
                .query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    /**
     * Sets a customer's discount (0 removes it); answers it as stored.
     *
     * @throws DomainException {@code invalid_discount}: not between 0 and 90 with at most 2 decimals; {@code user_not_found}
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @Transactional
    public BigDecimal set(long customerId, BigDecimal percent, String actor) {
        if (percent == null || percent.signum() < 0 || percent.compareTo(MAX) > 0 || percent.stripTrailingZeros().scale() > 2) {
            throw DomainException.badRequest("invalid_discount", "discountPercent",
                    "Enter a discount between 0 and " + MAX + " % with at most 2 decimals", 0, MAX);
        }
        if (!accounts.exists(customerId)) {
            throw DomainException.notFound("user_not_found", "No such user");
        }
        BigDecimal stored = percent.setScale(2, RoundingMode.UNNECESSARY);
        if (stored.signum() == 0) {
            jdbc.sql("DELETE FROM price_tier WHERE user_id = ?").param(customerId).update();
        } else {
            jdbc.sql("INSERT INTO price_tier (user_id, discount_percent, updated_at, updated_by) VALUES (?, ?, ?, ?) "
                            + "ON DUPLICATE KEY UPDATE discount_percent = VALUES(discount_percent), updated_at = VALUES(updated_at), "
                            + "updated_by = VALUES(updated_by)")
                    .params(customerId, stored, UtcTime.column(clock.instant()), actor).update();
        }
        return stored;
    }
}
