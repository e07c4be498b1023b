package dev.ordino.fulfilment.internal;

import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.OfferingCosts;
import dev.ordino.fulfilment.ProviderOrderState;
import dev.ordino.ordering.ProviderCosts;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what providers cost, for staff: per order (margins, dashboard), per offering (catalog
 * editors) and the providers' balances. Provider prices are in the provider's currency and are
 * converted with the rate staff set on the provider.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
public class ProviderCostReport implements ProviderCosts, OfferingCosts {

    private final JdbcClient jdbc;
    private final StoreCurrency currency;

    ProviderCostReport(JdbcClient jdbc, StoreCurrency currency) {
        this.jdbc = jdbc;
        this.currency = currency;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> ofOrders(Collection<Long> orderIds) {
        Map<Long, BigDecimal> result = new HashMap<>();
        if (orderIds.isEmpty()) {
            return result;
        }
        // The provider's reported charge once it is known; before that the mapped rate for the quantity
        // ordered; nothing for a provider order closed without a charge (cancelled before it ran).
        jdbc.sql("SELECT po.order_id, SUM(i.conversion_rate * CASE WHEN po.charge IS NOT NULL THEN po.charge "
                        + "WHEN po.state = " + ProviderOrderState.CLOSED.sql() + " THEN 0 "
                        + "ELSE COALESCE((SELECT MAX(m.rate) FROM offering_provider m WHERE m.instance_id = po.instance_id "
                        + "AND m.service_id = po.service_id), 0) * oi.quantity / 1000 END) "
                        + "FROM provider_order po JOIN provider_instance i ON i.id = po.instance_id "
                        + "JOIN order_item oi ON oi.id = po.item_id "
                        + "WHERE po.order_id IN (:ids) GROUP BY po.order_id")
                .param("ids", orderIds)
                .query(rs -> { result.put(rs.getLong(1), currency.round(rs.getBigDecimal(2))); });
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Balance> balances() {
        return jdbc.sql("SELECT id, name, enabled, balance, balance_currency, low_balance_threshold FROM provider_instance "
                        + "ORDER BY enabled DESC, priority, id")
                .query((rs, n) -> {
                    BigDecimal balance = rs.getBigDecimal(4);
                    BigDecimal threshold = rs.getBigDecimal(6);
                    return new Balance(rs.getLong(1), rs.getString(2), rs.getBoolean(3), balance, rs.getString(5),
                            balance != null && threshold != null && balance.compareTo(threshold) < 0);
                })
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, ProviderRate> rates(Collection<Long> offeringIds) {
        Map<Long, ProviderRate> result = new LinkedHashMap<>();
        if (offeringIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT m.offering_id, i.name, m.rate * i.conversion_rate, m.min_quantity, m.max_quantity FROM offering_provider m "
                        + "JOIN provider_instance i ON i.id = m.instance_id WHERE m.offering_id IN (:ids) ORDER BY m.preference, m.id")
                .param("ids", offeringIds)
                .query(rs -> { result.putIfAbsent(rs.getLong(1), new ProviderRate(rs.getString(2), rs.getBigDecimal(3),
                        rs.getLong(4), rs.getLong(5))); });
        return result;
    }
}
