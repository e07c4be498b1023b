package dev.ordino.ordering.ui;

import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.PlaceOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The visitor's cart, kept in their session until checkout. */
@Component
@VaadinSessionScope
public class Cart {

    private final List<OrderService.PricedLine> lines = new ArrayList<>();
    private String checkoutKey = UUID.randomUUID().toString();

    public synchronized void add(OrderService.PricedLine line) {
        if (lines.size() >= OrderService.MAX_ITEMS) {
            throw dev.ordino.base.DomainException.badRequest("too_many_items", "items",
                    "At most " + OrderService.MAX_ITEMS + " items per order", OrderService.MAX_ITEMS);
        }
        lines.add(line);
    }

    public synchronized void remove(int index) {
        lines.remove(index);
        checkoutKey = UUID.randomUUID().toString();
    }

    public synchronized List<OrderService.PricedLine> lines() {
        return List.copyOf(lines);
    }

    public synchronized BigDecimal total() {
        return lines.stream().map(OrderService.PricedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public synchronized boolean isEmpty() {
        return lines.isEmpty();
    }

    public synchronized PlaceOrder toOrder() {
        return toOrder("wallet");
    }

    /** The cart as an order paid with {@code payment} ("wallet" or "gateway:<id>"). */
    public synchronized PlaceOrder toOrder(String payment) {
        return new PlaceOrder(lines.stream().map(l -> new PlaceOrder.Line(l.offering().id(), l.quantity(), l.link(), l.note(),
                        number(l.extras().get("runs")), number(l.extras().get("interval")), l.extras().get("comments"),
                        l.extras().get("usernames")))
                .toList(), payment);
    }

    /** One key per cart content: a double click on "Pay" places one order. */
    public synchronized String checkoutKey() {
        return checkoutKey;
    }

    public synchronized void clear() {
        lines.clear();
        checkoutKey = UUID.randomUUID().toString();
    }

    private static Integer number(String value) {
        return value == null ? null : Integer.valueOf(value);
    }
}
