package dev.ordino.ordering;

import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.OfferingCosts;
import dev.ordino.catalog.OfferingView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place a customer's price tier meets the catalog: every order, on the web, through the API
 * or as a mass order, is priced from the offerings this class answers. A tier lowers the price by
 * its percentage, but never below what the dearest provider a provider-backed service may be sent to
 * charges for the same units, and never raises it (an offering sold below its cost keeps its price).
 */
@Component
public class CustomerPrices {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ObjectProvider<CustomerDiscounts> discounts;
    private final ObjectProvider<OfferingCosts> costs;

    CustomerPrices(ObjectProvider<CustomerDiscounts> discounts, ObjectProvider<OfferingCosts> costs) {
        this.discounts = discounts;
        this.costs = costs;
    }

    public OfferingView forCustomer(long customerId, OfferingView offering) {
        return offering == null ? null : forCustomer(customerId, List.of(offering)).getFirst();
    }

    /** The offerings at this customer's prices, in the same order; one read of the tier, one of the costs. */
    public List<OfferingView> forCustomer(long customerId, List<OfferingView> offerings) {
        BigDecimal percent = discountOf(customerId);
        if (percent.signum() <= 0 || offerings.isEmpty()) {
            return offerings;
        }
        OfferingCosts providerCosts = costs.getIfAvailable();
        Map<Long, BigDecimal> floors = providerCosts == null ? Map.of()
                : providerCosts.costFloorsPer1000(offerings.stream().map(OfferingView::id).toList());
        return offerings.stream().map(o -> {
            BigDecimal floor = floors.get(o.id());
            return o.withPrice(discounted(o.price(), percent, floor == null ? null : OfferingCosts.floorPer(floor, o.pricePer())));
        }).toList();
    }

    public Map<Long, OfferingView> forCustomer(long customerId, Map<Long, OfferingView> offerings) {
        List<OfferingView> priced = forCustomer(customerId, List.copyOf(offerings.values()));
        Map<Long, OfferingView> byId = new LinkedHashMap<>();
        priced.forEach(o -> byId.put(o.id(), o));
        return byId;
    }

    /** The customer's discount in percent (0 for none). */
    public BigDecimal discountOf(long customerId) {
        CustomerDiscounts tiers = discounts.getIfAvailable();
        return tiers == null ? BigDecimal.ZERO : tiers.discountPercent(customerId);
    }

    /** The price after {@code percent} off, at least {@code floor} (rounded up to a stored price) when there is one, at most the price. */
    static BigDecimal discounted(BigDecimal price, BigDecimal percent, BigDecimal floor) {
        BigDecimal lowered = price.multiply(HUNDRED.subtract(percent)).divide(HUNDRED, StoreCurrency.PRICE_SCALE, RoundingMode.HALF_UP);
        if (floor != null) {
            lowered = lowered.max(floor.setScale(StoreCurrency.PRICE_SCALE, RoundingMode.CEILING));
        }
        return lowered.min(price);
    }
}
