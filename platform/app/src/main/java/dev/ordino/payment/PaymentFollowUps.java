package dev.ordino.payment;

import dev.ordino.base.DomainException;
import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.ordering.PaymentsOverview;
import dev.ordino.payment.internal.PaymentEvents;
import dev.ordino.plugin.api.PaymentGateway.PaymentEvent;
import dev.ordino.wallet.PendingTopUps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a payment between its start and the gateway's word: the customer finds it again
 * on the wallet page and says "I have paid" (staff are told), staff turn a transfer that never came
 * down with a reason, and the dashboard counts what is waiting.
 */
@Service
public class PaymentFollowUps implements PendingTopUps, PaymentsOverview {

    private final Payments payments;
    private final PaymentEvents events;
    private final PaymentUpdates updates;
    private final StoreCurrency currency;
    private final ApplicationEventPublisher publisher;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final GatewayInstances gateways;

    PaymentFollowUps(Payments payments, PaymentEvents events, PaymentUpdates updates, StoreCurrency currency,
                     ApplicationEventPublisher publisher, JdbcClient jdbc, Clock clock, GatewayInstances gateways) {
        this.payments = payments;
        this.events = events;
        this.updates = updates;
        this.currency = currency;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.clock = clock;
        this.gateways = gateways;
    }

    // ---- customers ----

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<PendingTopUp> pending(long customerId) {
        return jdbc.sql("SELECT p.id, p.reference, p.amount, g.name, p.created_at, p.redirect_url, p.qr_string, p.instructions, "
                        + "p.customer_reported_at FROM payment p JOIN gateway_instance g ON g.id = p.gateway_id "
                        + "WHERE p.customer_id = ? AND p.purpose = 'topup' AND p.status = " + PaymentState.PENDING.sql() + " ORDER BY p.id DESC LIMIT 20")
                .param(customerId)
                .query((rs, n) -> new PendingTopUp(rs.getLong(1), rs.getString(2), currency.round(rs.getBigDecimal(3)), rs.getString(4),
                        UtcTime.instant(rs.getObject(5, LocalDateTime.class)), rs.getString(6), rs.getString(7), rs.getString(8),
                        instant(rs.getObject(9, LocalDateTime.class))))
                .list();
    }

    @Override
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void reportPaid(long customerId, long paymentId) {
        Payments.PaymentView p = payments.myPayment(customerId, paymentId);
        if (PaymentState.parse(p.status()) != PaymentState.PENDING) {
            throw DomainException.conflict("already_settled", "This payment is " + p.status(), p.status());
        }
        int marked = jdbc.sql("UPDATE payment SET customer_reported_at = ? WHERE id = ? AND status = " + PaymentState.PENDING.sql() + " "
                + "AND customer_reported_at IS NULL").params(UtcTime.column(clock.instant()), p.id()).update();
        if (marked == 1) { // said once is enough: a second press tells nobody again
            events.record(p.gatewayId(), p.id(), null, false, "customer_paid", "The customer says the money was sent", null);
            publisher.publishEvent(new PaymentReportedPaid(p.id(), p.reference(), customerId, p.amount(), p.gatewayName()));
            updates.changed(p.id());
        }
    }

    // ---- staff ----

    /**
     * Staff turn down a transfer that did not arrive: the payment fails with the reason, which the
     * customer sees; an order waiting for it is told as by a failed gateway payment.
     *
     * @throws DomainException {@code not_manual}, {@code already_settled} (409), {@code reason_required} (400)
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @Transactional
    public Payments.PaymentView rejectTransfer(long paymentId, String reason, String actor) {
        Payments.PaymentView p = payments.payment(paymentId);
        if (!gateways.staffConfirms(p.gatewayId())) {
            throw DomainException.conflict("not_manual", "Only manual transfers are confirmed or rejected by staff");
        }
        if (PaymentState.parse(p.status()) != PaymentState.PENDING) {
            throw DomainException.conflict("already_settled", "This payment is " + p.status(), p.status());
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw DomainException.badRequest("reason_required", "reason", "Give a reason (at most 500 characters)");
        }
        events.record(p.gatewayId(), p.id(), null, true, "rejected", Text.cut("Transfer rejected by " + actor + ": " + why, 1000), null);
        payments.settleLocked(p.id(), PaymentEvent.Status.FAILED, why, actor);
        return payments.payment(paymentId);
    }

    /** When customers said they paid, by payment id, for a page of staff's payments grid. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public Map<Long, Instant> reportedPaid(Collection<Long> paymentIds) {
        Map<Long, Instant> result = new HashMap<>();
        if (!paymentIds.isEmpty()) {
            jdbc.sql("SELECT id, customer_reported_at FROM payment WHERE id IN (:ids) AND customer_reported_at IS NOT NULL")
                    .param("ids", paymentIds)
                    .query(rs -> { result.put(rs.getLong(1), UtcTime.instant(rs.getObject(2, LocalDateTime.class))); });
        }
        return result;
    }

    // ---- dashboard ----

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public Pending pending() {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(amount), 0), COUNT(customer_reported_at) FROM payment WHERE status = " + PaymentState.PENDING.sql())
                .query((rs, n) -> new Pending(rs.getLong(1), currency.round(rs.getBigDecimal(2)), rs.getLong(3))).single();
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public boolean gatewayReady() {
        return jdbc.sql("SELECT COUNT(*) FROM gateway_instance WHERE enabled = 1").query(Long.class).single() > 0;
    }

    private static Instant instant(LocalDateTime value) {
        return value == null ? null : UtcTime.instant(value);
    }
}
