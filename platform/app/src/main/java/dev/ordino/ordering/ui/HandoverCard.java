package dev.ordino.ordering.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.spring.annotation.SpringComponent;
import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.QrCodes;
import dev.ordino.catalog.FulfilmentMethod;
import dev.ordino.ordering.HandoverStatus;
import dev.ordino.ordering.HandoverView;
import dev.ordino.ordering.Handovers;
import dev.ordino.ordering.OrderRatings;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.security.CurrentUser;
import dev.ordino.store.HandoverSettings;
import dev.ordino.store.HandoverSettingsService;
import dev.ordino.store.StoreSettings;
import dev.ordino.store.StoreSettingsService;
import java.util.List;
import org.springframework.context.annotation.Scope;

/**
 * On the customer's order: pickup (where, when, the booking code and its QR code once accepted)
 * or delivery (address, fee, how far it got), how to reach the seller, and the rating once the
 * order is completed.
 */
@SpringComponent
@Scope("prototype")
class HandoverCard extends Div {

    final Div handover = new Div();
    final Div contact = new Div();
    final Div rating = new Div();
    final RadioButtonGroup<Integer> stars = new RadioButtonGroup<>();
    final TextArea comment = new TextArea();
    final Button rate = new Button();

    private final Handovers handovers;
    private final HandoverSettingsService handoverSettings;
    private final StoreSettingsService storeSettings;
    private final OrderRatings ratings;
    private final CurrentUser currentUser;
    private final StoreCurrency currency;
    private OrderView order;

    HandoverCard(Handovers handovers, HandoverSettingsService handoverSettings, StoreSettingsService storeSettings,
                 OrderRatings ratings, CurrentUser currentUser, StoreCurrency currency) {
        this.handovers = handovers;
        this.handoverSettings = handoverSettings;
        this.storeSettings = storeSettings;
        this.ratings = ratings;
        this.currentUser = currentUser;
        this.currency = currency;
        handover.setId("order-fulfilment");
        handover.addClassName("ordino-card");
        contact.setId("order-contact");
        rating.setId("order-rating");
        rating.addClassName("ordino-card");
        stars.setId("rating-stars");
        stars.setLabel(getTranslation("order.rating.stars"));
        stars.setItems(List.of(1, 2, 3, 4, 5));
        stars.setItemLabelGenerator(n -> "★".repeat(n));
        comment.setId("rating-comment");
        comment.setLabel(getTranslation("order.rating.comment"));
        comment.setMaxLength(1000);
        comment.setWidthFull();
        rate.setId("rating-submit");
        rate.setText(getTranslation("order.rating.submit"));
        rate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rate.setDisableOnClick(true);
        rate.addClickListener(e -> rate());
        setWidthFull();
        add(handover, contact, rating);
    }

    void show(OrderView order) {
        this.order = order;
        long customer = currentUser.requireId();
        handover.removeAll();
        var found = handovers.mine(customer, order.id());
        found.ifPresent(h -> fulfilment(h, order));
        handover.setVisible(found.isPresent());
        contact();
        rating.removeAll();
        rating.setVisible(order.status() == OrderStatus.COMPLETED);
        if (order.status() == OrderStatus.COMPLETED) {
            ratings.mine(customer, order.id()).ifPresentOrElse(
                    r -> rating.add(new Div(getTranslation("order.rating.given", "★".repeat(r.stars()))),
                            new Div(r.comment() == null ? "" : r.comment())),
                    () -> rating.add(new H3(getTranslation("order.rating.title")), stars, comment, rate));
        }
    }

    private void fulfilment(HandoverView h, OrderView order) {
        boolean pickup = h.method() == FulfilmentMethod.PICKUP;
        handover.add(new H3(getTranslation(pickup ? "order.pickup" : "order.delivery")));
        Span status = new Span(getTranslation("handover-status." + h.status().key()));
        status.setId("fulfilment-status");
        handover.add(new Div(status));
        if (pickup) {
            HandoverSettings point = handoverSettings.current();
            handover.add(new Div(String.join(" · ", List.of(point.pickupName(), point.pickupAddress(), point.pickupHours())
                    .stream().filter(s -> s != null && !s.isBlank()).toList())));
            if (h.pickupTime() != null) {
                handover.add(new Div(getTranslation("order.pickup-time", h.pickupTime())));
            }
        } else {
            handover.add(new Div(h.address()), new Div(h.phone()),
                    new Div(getTranslation("order.delivery-fee", Prices.amount(this, currency, h.deliveryFee()))));
        }
        if (h.bookingCode() != null && h.status() != HandoverStatus.HANDED_OVER && !order.status().isFinal()) {
            Span code = new Span(h.bookingCode());
            code.setId("booking-code");
            code.getStyle().set("font-size", "1.6em").set("letter-spacing", "0.15em").set("font-family", "monospace");
            handover.add(new Div(getTranslation("order.booking-code")), new Div(code),
                    QrCodes.image(handovers.handoverUrl(h.bookingCode()), 220, getTranslation("order.booking-code")));
        }
    }

    /** "Contact seller": the store's phone and Telegram link, where set. */
    private void contact() {
        contact.removeAll();
        StoreSettings store = storeSettings.current();
        if (!store.contactPhone().isBlank()) {
            Anchor phone = new Anchor("tel:" + store.contactPhone().replaceAll("[^+0-9]", ""), store.contactPhone());
            phone.setId("contact-phone");
            contact.add(phone, new Span(" "));
        }
        if (!store.telegramLink().isBlank()) {
            Anchor telegram = new Anchor(store.telegramLink(), "Telegram");
            telegram.setId("contact-telegram");
            telegram.setTarget("_blank");
            contact.add(telegram);
        }
        if (contact.getChildren().findAny().isPresent()) {
            contact.addComponentAsFirst(new Span(getTranslation("order.contact-seller") + ": "));
        }
        contact.setVisible(contact.getChildren().findAny().isPresent());
    }

    void rate() {
        try {
            ratings.rate(currentUser.requireId(), order.id(), stars.getValue(), comment.getValue());
            Feedback.success(getTranslation("order.rating.thanks"));
            show(order);
        } catch (DomainException e) {
            Feedback.error(Feedback.message(this, e));
        }
        rate.setEnabled(true);
    }
}
