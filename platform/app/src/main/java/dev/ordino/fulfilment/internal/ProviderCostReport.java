package dev.ordino.fulfilment.internal;

import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.OfferingCosts;
import dev.ordino.fulfilment.ProviderOrderState;
import dev.ordino.ordering.OrderFulfilment;
import dev.ordino.ordering.ProviderCosts;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
    private final OrderFulfilment orders;

    ProviderCostReport(JdbcClient jdbc, StoreCurrency currency, OrderFulfilment orders) {
        this.jdbc = jdbc;
        this.currency = currency;
        this.orders = orders;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> ofOrders(Collection<Long> orderIds) {
        Map<Long, BigDecimal> result = new HashMap<>();
        if (orderIds.isEmpty()) {
            return result;
        }
        // The provider's reported charge once it is known; before that the mapped rate for the quantity
        // ordered (ordering's, asked for all items at once); nothing for a provider order closed without
        // a charge (cancelled before it ran).
        record Line(long orderId, long itemId, BigDecimal conversion, BigDecimal charge, boolean closed, BigDecimal rate) {
        }
        List<Line> lines = jdbc.sql("SELECT po.order_id, po.item_id, i.conversion_rate, po.charge, po.state = "
                        + ProviderOrderState.CLOSED.sql() + ", COALESCE((SELECT MAX(m.rate) FROM offering_provider m "
                        + "WHERE m.instance_id = po.instance_id AND m.service_id = po.service_id), 0) "
                        + "FROM provider_order po JOIN provider_instance i ON i.id = po.instance_id WHERE po.order_id IN (:ids)")
                .param("ids", orderIds)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBoolean(5),
                        rs.getBigDecimal(6)))
                .list();
        Map<Long, Long> quantities = orders.quantities(lines.stream().map(Line::itemId).collect(Collectors.toSet()));
        Map<Long, BigDecimal> sums = new HashMap<>();
        for (Line line : lines) {
            Long quantity = quantities.get(line.itemId());
            if (quantity == null) {
                continue; // as the join did: a provider order whose item is gone costs nothing here
            }
            BigDecimal cost = line.charge() != null ? line.charge()
                    : line.closed() ? BigDecimal.ZERO
                    : line.rate().multiply(BigDecimal.valueOf(quantity)).divide(BigDecimal.valueOf(1000));
            sums.merge(line.orderId(), line.conversion().multiply(cost), BigDecimal::add);
        }
        sums.forEach((orderId, sum) -> result.put(orderId, currency.round(sum)));
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

    @Override
    @PreAuthorize("permitAll()") // every customer's order is priced with it; it tells only a number per offering
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> costFloorsPer1000(Collection<Long> offeringIds) {
        Map<Long, BigDecimal> result = new LinkedHashMap<>();
        if (offeringIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT m.offering_id, MAX(m.rate * i.conversion_rate) FROM offering_provider m "
                        + "JOIN provider_instance i ON i.id = m.instance_id WHERE m.offering_id IN (:ids) GROUP BY m.offering_id")
                .param("ids", offeringIds)
                .query(rs -> { result.put(rs.getLong(1), rs.getBigDecimal(2)); });
        return result;
    }
}
