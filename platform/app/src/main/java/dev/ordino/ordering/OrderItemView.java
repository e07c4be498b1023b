package dev.ordino.ordering;

import dev.ordino.catalog.OfferingKind;
import java.math.BigDecimal;
import java.util.Map;

public record OrderItemView(long id, long productId, String name, OfferingKind kind, long quantity, String link,
                            String note, Map<String, String> extras, BigDecimal unitPrice, int pricePer, BigDecimal lineTotal, OrderStatus status,
                            Long startCount, Long remains) {
}
