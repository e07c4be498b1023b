package dev.ordino.ordering.ui;

import com.vaadin.flow.component.html.Span;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.PaymentStatus;

/** A coloured pill for an order or payment status (colours in the theme, by data-status). */
public final class StatusBadge {

    private StatusBadge() {
    }

    public static Span of(OrderStatus status) {
        Span badge = new Span(badgeText(status));
        badge.addClassName("ordino-status");
        badge.getElement().setAttribute("data-status", status.key());
        return badge;
    }

    public static Span of(PaymentStatus status) {
        Span badge = new Span();
        badge.setText(badge.getTranslation("payment-status." + status.key()));
        badge.addClassName("ordino-status");
        badge.getElement().setAttribute("data-status", "payment-" + status.key());
        return badge;
    }

    private static String badgeText(OrderStatus status) {
        return new Span().getTranslation("order-status." + status.key());
    }
}
