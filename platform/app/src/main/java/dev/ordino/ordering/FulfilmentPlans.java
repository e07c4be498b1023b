package dev.ordino.ordering;

import dev.ordino.base.DomainException;
import dev.ordino.base.Text;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.FulfilmentMethod;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.ProductOptions;
import dev.ordino.catalog.ProductTerms;
import dev.ordino.ordering.internal.HandoverWriter;
import dev.ordino.store.HandoverSettingsService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * At checkout, how the products of an order reach the customer and what delivery costs: pickup
 * (the default when nothing is chosen) or delivery to an address with a phone; the fee is the
 * highest override among the order's products, else the store's.
 */
@Component
class FulfilmentPlans {

    private final ProductOptions options;
    private final HandoverSettingsService settings;
    private final HandoverWriter writer;
    private final StoreCurrency currency;

    FulfilmentPlans(ProductOptions options, HandoverSettingsService settings, HandoverWriter writer, StoreCurrency currency) {
        this.options = options;
        this.settings = settings;
        this.writer = writer;
        this.currency = currency;
    }

    /** The pickup or delivery an order will have; {@link #NONE} for an order without products. */
    record Plan(FulfilmentMethod method, String address, String phone, String time, BigDecimal fee) {

        static final Plan NONE = new Plan(null, null, null, null, BigDecimal.ZERO);

        String canonical() {
            return method == null ? "" : method.key() + ";" + Objects.toString(address, "") + ";" + Objects.toString(phone, "")
                    + ";" + Objects.toString(time, "");
        }
    }

    /**
     * @throws DomainException {@code fulfilment_not_needed}, {@code address_required}, {@code invalid_phone},
     *                         {@code fulfilment_not_offered} (400)
     */
    Plan plan(List<OrderService.PricedLine> lines, FulfilmentChoice choice) {
        List<Long> products = lines.stream().filter(l -> l.offering().kind() == OfferingKind.PRODUCT)
                .map(l -> l.offering().id()).distinct().toList();
        if (products.isEmpty()) {
            if (choice != null && choice.type() != null) {
                throw DomainException.badRequest("fulfilment_not_needed", "fulfilment", "Only orders with products are picked up or delivered");
            }
            return Plan.NONE;
        }
        FulfilmentMethod method = choice == null || choice.type() == null ? FulfilmentMethod.PICKUP : FulfilmentMethod.parse(choice.type());
        Map<Long, ProductTerms> terms = options.terms(products);
        for (Long product : products) {
            if (!terms.getOrDefault(product, ProductTerms.ANY).offers(method)) {
                String name = lines.stream().filter(l -> l.offering().id() == product).findFirst().orElseThrow().offering().name();
                throw DomainException.badRequest("fulfilment_not_offered", "fulfilment",
                        name + " cannot be had by " + method.key(), name, method.key());
            }
        }
        if (method == FulfilmentMethod.PICKUP) {
            return new Plan(method, null, null, Text.optional(choice == null ? null : choice.time(), 100), BigDecimal.ZERO);
        }
        String address = choice.address() == null ? "" : choice.address().strip();
        if (address.isEmpty() || address.length() > 500) {
            throw DomainException.badRequest("address_required", "address", "Enter the delivery address (at most 500 characters)");
        }
        String phone = choice.phone() == null ? "" : choice.phone().strip();
        if (!phone.matches("^\\+?[0-9 ()-]{5,30}$")) {
            throw DomainException.badRequest("invalid_phone", "phone", "Enter a phone number: digits, spaces, ( ) - and an optional leading +");
        }
        BigDecimal fee = products.stream().map(p -> terms.getOrDefault(p, ProductTerms.ANY).deliveryFee())
                .filter(Objects::nonNull).max(BigDecimal::compareTo).orElseGet(() -> settings.current().deliveryFee());
        return new Plan(method, address, phone, null, currency.round(fee));
    }

    /** Writes the plan beside the new order, in the checkout's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void open(long orderId, Plan plan, Instant now) {
        if (plan.method() != null) {
            writer.insert(orderId, plan.method(), plan.address(), plan.phone(), plan.time(), plan.fee(), now);
        }
    }
}
