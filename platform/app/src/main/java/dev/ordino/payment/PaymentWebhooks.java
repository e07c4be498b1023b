package dev.ordino.payment;

import dev.ordino.base.DomainException;
import dev.ordino.payment.internal.PaymentEvents;
import dev.ordino.plugin.PluginCallFailed;
import dev.ordino.plugin.api.PaymentGateway;
import dev.ordino.plugin.api.PaymentGateway.PaymentEvent;
import dev.ordino.plugin.api.PaymentGateway.WebhookResult.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A gateway's webhook: verified by its plugin, kept for audit, applied once. The gateway's
 * budget of events ({@link WebhookLimits}) is charged only once its plugin verified the event,
 * so unsigned floods cannot starve genuine ones; what was not verified is kept boundedly
 * ({@link PaymentEvents#notVerified}).
 */
@Service
public class PaymentWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhooks.class);

    private final GatewayInstances gateways;
    private final Payments payments;
    private final PaymentEvents events;
    private final WebhookLimits limits;
    private final TransactionTemplate transaction;

    PaymentWebhooks(GatewayInstances gateways, Payments payments, PaymentEvents events, WebhookLimits limits,
                    PlatformTransactionManager transactions) {
        this.gateways = gateways;
        this.payments = payments;
        this.events = events;
        this.limits = limits;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What the webhook endpoint answers the gateway. */
    public record Outcome(int status, String code, String detail) {
    }

    /**
     * 401 for a bad or stale signature, 400 for a body the plugin cannot read (or fails on), a
     * paid event without an amount or with a wrong one, 429 past the gateway's budget, 503 when
     * the gateway could not confirm (it retries), 200 otherwise — also for repeats and events
     * that need nothing.
     */
    public Outcome handle(long gatewayId, Map<String, List<String>> headers, byte[] body) {
        Optional<GatewayInstances.Instance> instance = gateways.find(gatewayId);
        if (instance.isEmpty()) {
            return new Outcome(404, "gateway_not_found", "No such payment gateway");
        }
        GatewayInstances.Connected connected;
        try {
            connected = gateways.connect(instance.get());
        } catch (DomainException e) {
            return new Outcome(503, "gateway_unavailable", e.getMessage());
        }
        PaymentGateway.WebhookResult result;
        try {
            result = connected.gateway().handleWebhook(connected.context(), headers, body);
        } catch (RuntimeException e) {
            if (e instanceof PluginCallFailed refused && refused.reason() != PluginCallFailed.Reason.FAILED) {
                // Busy, stopping or past its deadline: nothing was decided; the gateway retries a 503.
                return new Outcome(503, "gateway_unavailable", "The notification cannot be handled now; try again");
            }
            // The plugin broke its contract (typed rejections). Nothing was verified, so nothing is applied; the
            // gateway retries any non-2xx answer, so a 4xx loses no genuine event, and garbage cannot make a 5xx.
            Throwable cause = e instanceof PluginCallFailed && e.getCause() != null ? e.getCause() : e;
            log.warn("Webhook of gateway {} failed in its plugin: {}", gatewayId, cause.toString());
            events.notVerified(gatewayId, "error", "Plugin error: " + cause, body);
            return new Outcome(400, "malformed_webhook", "The notification cannot be read");
        }
        if (result instanceof PaymentGateway.WebhookResult.Rejected rejected) {
            return rejected(gatewayId, rejected, body);
        }
        if (!limits.admitVerified(gatewayId)) {
            return new Outcome(429, "too_many_requests", "Too many notifications; slow down");
        }
        PaymentEvent event = ((PaymentGateway.WebhookResult.Verified) result).event();
        return applyVerified(instance.get(), event, new String(body, StandardCharsets.UTF_8));
    }

    /** The answer by the rejection's type (a plugin built for 1.1 gets its type from its reason's prefix, in the API). */
    private Outcome rejected(long gatewayId, PaymentGateway.WebhookResult.Rejected rejected, byte[] body) {
        String reason = rejected.type().name().toLowerCase(Locale.ROOT) + ": " + (rejected.reason() == null ? "" : rejected.reason());
        events.notVerified(gatewayId, rejected.type() == Rejection.IGNORED ? "ignored" : "rejected", reason, body);
        return switch (rejected.type()) {
            case IGNORED -> new Outcome(200, "ignored", reason);
            case BAD_SIGNATURE -> new Outcome(401, "invalid_signature", "The signature does not match");
            case GATEWAY_DOWN -> new Outcome(503, "gateway_unavailable", "The payment could not be confirmed; try again");
            case MALFORMED -> new Outcome(400, "malformed_webhook", "The notification cannot be read");
        };
    }

    private Outcome applyVerified(GatewayInstances.Instance instance, PaymentEvent event, String body) {
        Optional<Payments.PaymentView> payment = event.paymentRef() == null ? Optional.empty()
                : payments.byReference(event.paymentRef(), instance.id());
        if (payment.isEmpty()) {
            events.record(instance.id(), null, null, true, "unknown", "No payment " + event.paymentRef() + " (event "
                    + event.eventId() + ")", body);
            return new Outcome(200, "unknown_payment", "No such payment here");
        }
        Payments.PaymentView p = payment.get();
        if (event.status() == PaymentEvent.Status.PAID) {
            // Paid is final, so it is applied only for exactly the amount asked; never assumed.
            if (event.amount() == null) {
                events.record(instance.id(), p.id(), null, true, "missing_amount", "Paid without an amount (event "
                        + event.eventId() + ")", body);
                log.warn("Payment {}: the gateway reports it paid without an amount; nothing applied", p.id());
                return new Outcome(400, "missing_amount", "A paid notification must carry the amount paid");
            }
            if (event.amount().compareTo(p.amount()) != 0) {
                events.record(instance.id(), p.id(), null, true, "mismatch", "Amount " + event.amount().toPlainString()
                        + " is not " + p.amount().toPlainString(), body);
                log.warn("Payment {}: the gateway reports {} paid, {} was asked; nothing applied", p.id(), event.amount(), p.amount());
                return new Outcome(400, "amount_mismatch", "The amount does not match the payment");
            }
        }
        try {
            return transaction.execute(status -> {
                events.record(instance.id(), p.id(), event.eventId(), true, "applied", event.status().name(), body);
                boolean changed = payments.settleLocked(p.id(), event.status(), event.status().name().toLowerCase(),
                        "gateway:" + instance.name());
                return new Outcome(200, changed ? "applied" : "no_change", event.status().name());
            });
        } catch (DuplicateKeyException e) {
            events.record(instance.id(), p.id(), null, true, "duplicate", "Event " + event.eventId() + " was applied before", body);
            return new Outcome(200, "duplicate", "Already applied");
        }
    }
}
