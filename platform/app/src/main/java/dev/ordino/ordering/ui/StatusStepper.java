package dev.ordino.ordering.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PaymentStatus;
import java.util.List;

/**
 * Where an order stands, as a row of steps: placed → paid → started → completed. A step is
 * {@code done}, {@code current} or {@code todo}; a cancelled or rejected order ends in a
 * {@code stopped} step that says so.
 */
class StatusStepper extends OrderedList {

    StatusStepper() {
        addClassName("ordino-stepper");
        setId("order-stepper");
    }

    void show(OrderView order) {
        removeAll();
        OrderStatus status = order.status();
        boolean paid = order.paidAt() != null || order.paymentStatus() == PaymentStatus.PAID
                || order.paymentStatus() == PaymentStatus.PARTIALLY_REFUNDED;
        boolean started = List.of(OrderStatus.CONFIRMED, OrderStatus.PROCESSING, OrderStatus.IN_PROGRESS,
                OrderStatus.COMPLETED, OrderStatus.PARTIAL).contains(status);
        boolean finished = status == OrderStatus.COMPLETED || status == OrderStatus.PARTIAL;
        boolean[] reached = {true, paid, started, finished};
        String[] keys = {"order-step.placed", "order-step.paid", "order-step.started",
                status == OrderStatus.PARTIAL ? "order-status.partial" : "order-step.completed"};
        int last = 0;
        for (int i = 0; i < reached.length; i++) {
            if (reached[i]) {
                last = i;
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (status.isRefunding() && i > last) {
                add(step("order-status." + status.key(), "stopped"));
                return;
            }
            boolean done = i < last || i == last && (finished || status.isRefunding());
            add(step(keys[i], done ? "done" : i == last ? "current" : "todo"));
        }
    }

    private ListItem step(String key, String state) {
        Span dot = new Span();
        dot.addClassName("ordino-step-dot");
        Span label = new Span(getTranslation(key));
        label.addClassName("ordino-step-label");
        ListItem item = new ListItem(dot, label);
        item.addClassName("ordino-step");
        item.getElement().setAttribute("data-state", state);
        return item;
    }
}
