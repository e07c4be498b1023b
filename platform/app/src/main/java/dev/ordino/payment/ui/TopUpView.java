package dev.ordino.payment.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.base.ui.QrCodes;
import dev.ordino.payment.PaymentFollowUps;
import dev.ordino.payment.GatewayInstances;
import dev.ordino.payment.PaymentUpdates;
import dev.ordino.payment.Payments;
import dev.ordino.security.CurrentUser;
import dev.ordino.store.StoreSettingsService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * Topping up the wallet: amount and how to pay, then the gateway's page, QR code or bank
 * instructions, and the result as the gateway reports it — live, never from the browser's
 * return alone. {@code /wallet/top-ups/{id}} is where gateways send the customer back.
 */
@Route(value = "wallet/top-up", layout = MainLayout.class)
@RouteAlias(value = "wallet/top-ups/:id", layout = MainLayout.class)
@PermitAll
public class TopUpView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final BigDecimalField amount = new BigDecimalField();
    final RadioButtonGroup<GatewayInstances.GatewayView> gateway = new RadioButtonGroup<>();
    final Button pay = new Button();
    final Div form = new Div();
    final Div result = new Div();
    final Span status = new Span();
    final Button reportPaid = new Button();

    private final Payments payments;
    private final PaymentFollowUps followUps;
    private final PaymentUpdates updates;
    private final StoreCurrency currency;
    private final CurrentUser currentUser;
    private Long paymentId;
    private AutoCloseable subscription;

    public TopUpView(Payments payments, GatewayInstances gateways, PaymentUpdates updates, StoreCurrency currency,
                     StoreSettingsService store, CurrentUser currentUser, PaymentFollowUps followUps) {
        this.payments = payments;
        this.followUps = followUps;
        reportPaid.setText(getTranslation("topup.i-have-paid"));
        reportPaid.setId("topup-report-paid");
        reportPaid.setDisableOnClick(true);
        reportPaid.addClickListener(e -> {
            try {
                followUps.reportPaid(currentUser.requireId(), paymentId);
                show(payments.myPayment(currentUser.requireId(), paymentId));
            } catch (DomainException ex) {
                Feedback.error(Feedback.message(this, ex));
            }
        });
        this.updates = updates;
        this.currency = currency;
        this.currentUser = currentUser;
        addClassName("ordino-page");
        setPadding(false);

        var settings = store.current();
        amount.setLabel(getTranslation("topup.amount", currency.code()));
        amount.setId("topup-amount");
        amount.setHelperText(getTranslation("topup.range", currency.display(settings.topUpMin()), currency.display(settings.topUpMax())));
        amount.setWidthFull();
        List<GatewayInstances.GatewayView> choices = gateways.enabledForCustomers();
        gateway.setLabel(getTranslation("topup.gateway"));
        gateway.setId("topup-gateway");
        gateway.setItems(choices);
        gateway.setItemLabelGenerator(GatewayInstances.GatewayView::name);
        if (!choices.isEmpty()) {
            gateway.setValue(choices.getFirst());
        }
        pay.setText(getTranslation("topup.pay"));
        pay.setId("topup-pay");
        pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pay.setDisableOnClick(true);
        pay.addClickListener(e -> start());
        Paragraph none = new Paragraph(getTranslation("topup.no-gateway"));
        none.setId("topup-no-gateway");
        none.addClassName("ordino-muted");
        none.setVisible(choices.isEmpty());
        pay.setEnabled(!choices.isEmpty());
        form.add(amount, gateway, pay, none);
        form.addClassName("ordino-card");
        // Stacked: the button under the choices, never squeezed in beside them on a wide screen.
        form.getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "flex-start")
                .set("gap", "var(--lumo-space-s)");

        status.setId("topup-status");
        result.setId("topup-result");
        result.addClassName("ordino-card");
        result.setVisible(false);
        add(new H2(getTranslation("topup.title")), form, result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get("id").ifPresent(id -> {
            try {
                show(payments.myPayment(currentUser.requireId(), Long.parseLong(id)));
            } catch (NumberFormatException | DomainException e) {
                event.rerouteToError(NotFoundException.class);
            }
        });
    }

    void start() {
        amount.setInvalid(false);
        try {
            Payments.PaymentView started = payments.startTopUp(currentUser.requireId(), currentUser.email().orElseThrow(),
                    amount.getValue(), gateway.getValue() == null ? null : gateway.getValue().id());
            show(started);
            UI.getCurrent().getPage().getHistory().replaceState(null, "wallet/top-ups/" + started.id());
        } catch (DomainException e) {
            if ("amount".equals(e.field())) {
                Feedback.invalid(amount, Feedback.message(this, e));
            } else {
                Feedback.error(Feedback.message(this, e));
            }
            pay.setEnabled(true);
        }
    }

    void show(Payments.PaymentView p) {
        paymentId = p.id();
        form.setVisible(false);
        result.removeAll();
        result.setVisible(true);
        status.setText(getTranslation("topup.status." + p.status()));
        status.getElement().setAttribute("data-status", p.status());
        status.addClassName("ordino-state");
        result.add(new Div(new Span(currency.display(p.amount()) + " · " + p.gatewayName() + " · "), status));
        if (p.status().equals("pending")) {
            if (p.redirectUrl() != null) {
                Anchor open = new Anchor(p.redirectUrl(), getTranslation("topup.open-payment-page"));
                open.setId("topup-open");
                open.setTarget(AnchorTarget.BLANK);
                result.add(new Div(open));
            }
            if (p.qrString() != null) {
                result.add(new Paragraph(getTranslation("topup.scan")), qr(p.qrString()));
            }
            if (p.instructions() != null) {
                Pre instructions = new Pre(p.instructions());
                instructions.setId("topup-instructions");
                instructions.getStyle().set("white-space", "pre-wrap");
                result.add(instructions);
            }
            Paragraph waiting = new Paragraph(getTranslation("topup.waiting"));
            waiting.addClassName("ordino-muted");
            result.add(waiting);
            boolean reported = followUps.pending(currentUser.requireId()).stream()
                    .anyMatch(t -> t.paymentId() == p.id() && t.reportedPaidAt() != null);
            if (reported) {
                Paragraph told = new Paragraph(getTranslation("topup.reported-paid"));
                told.setId("topup-reported");
                result.add(told);
            } else {
                reportPaid.setEnabled(true);
                result.add(reportPaid);
            }
        } else if (p.status().equals("failed")) {
            Paragraph reason = new Paragraph(getTranslation("topup.failed-reason", p.failureReason() == null ? "" : p.failureReason()));
            reason.setId("topup-failure");
            reason.addClassName("ordino-error-text");
            result.add(reason);
        } else if (p.status().equals("paid")) {
            result.add(new Anchor("wallet", getTranslation("topup.back-to-wallet")));
        }
        subscribe();
    }

    private Image qr(String text) {
        Image image = QrCodes.image(text, 240, getTranslation("topup.qr-alt"));
        image.setId("topup-qr");
        return image;
    }

    private void subscribe() {
        UI ui = UI.getCurrent();
        if (subscription != null || ui == null || paymentId == null) {
            return;
        }
        long id = paymentId;
        subscription = updates.subscribe(id, changed -> ui.access(() -> show(payments.myPayment(currentUser.requireId(), id))));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        subscribe();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // nothing to release
            }
            subscription = null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("topup.title");
    }
}
