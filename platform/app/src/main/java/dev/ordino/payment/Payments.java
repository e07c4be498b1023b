package dev.ordino.payment;

import dev.ordino.account.AccountService;
import dev.ordino.base.Text;
import dev.ordino.base.DomainException;
import dev.ordino.base.UtcTime;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.ordering.CheckoutPayments;
import dev.ordino.ordering.OrderPayments;
import dev.ordino.payment.internal.PaymentEvents;
import dev.ordino.plugin.EachInstance;
import dev.ordino.plugin.PluginCallFailed;
import dev.ordino.plugin.PluginCalls;
import dev.ordino.plugin.api.PaymentGateway;
import dev.ordino.plugin.api.PaymentGateway.PaymentEvent;
import dev.ordino.store.StoreSettingsService;
import dev.ordino.wallet.LedgerType;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Money coming in through gateways. A payment is {@code pending} until the gateway's verified
 * webhook (or the reconciliation job asking the gateway) says otherwise — never the browser's
 * return. Paid top-ups credit the wallet once (ledger reference {@code payment:<id>}); paid
 * orders go to fulfilment; failed or expired payments keep their reason and credit nothing.
 * A paid payment is never downgraded. Webhooks are {@link PaymentWebhooks}; refunds back
 * through the gateway are {@link PaymentRefunds}.
 */
@Service
public class Payments implements CheckoutPayments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    /** A gateway payment still pending after this long is given up as expired (gateways expire them far sooner). */
    static final Duration GIVE_UP_AFTER = Duration.ofDays(7);

    private final GatewayInstances gateways;
    private final WalletService wallet;
    private final OrderPayments orderPayments;
    private final StoreSettingsService store;
    private final StoreCurrency currency;
    private final PaymentUpdates updates;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration reconcileAfter;
    private final TransactionTemplate transaction;
    private final PaymentEvents events;
    private final AccountService accounts;
    private final ApplicationEventPublisher published;

    Payments(GatewayInstances gateways, WalletService wallet, OrderPayments orderPayments, StoreSettingsService store,
             StoreCurrency currency, PaymentUpdates updates, JdbcClient jdbc, Clock clock,
             @Value("${ordino.payments.reconcile-after:PT15M}") Duration reconcileAfter, PlatformTransactionManager transactions,
             PaymentEvents events, AccountService accounts, ApplicationEventPublisher published) {
        this.events = events;
        this.accounts = accounts;
        this.published = published;
        this.gateways = gateways;
        this.wallet = wallet;
        this.orderPayments = orderPayments;
        this.store = store;
        this.currency = currency;
        this.updates = updates;
        this.jdbc = jdbc;
        this.clock = clock;
        this.reconcileAfter = reconcileAfter;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A payment as customers and staff see it. */
    public record PaymentView(long id, String reference, String gatewayRef, long gatewayId, String gatewayName, String gatewayPlugin, String purpose,
                              long customerId, Long orderId, BigDecimal amount, String currency, String status,
                              String failureReason, String redirectUrl, String qrString, String instructions,
                              BigDecimal refundedAmount, Instant createdAt, Instant paidAt) {
    }

    // ---- customers ----

    /**
     * Starts a wallet top-up: checked against the store's minimum and maximum, then the gateway
     * is asked for a page, a QR code or instructions.
     *
     * @throws DomainException {@code invalid_amount}, {@code amount_out_of_range}, {@code unknown_gateway}, {@code gateway_error}
     */
    @PreAuthorize("isAuthenticated()")
    public PaymentView startTopUp(long customerId, String email, BigDecimal amount, Long gatewayId) {
        if (amount == null) {
            throw DomainException.badRequest("invalid_amount", "amount", "Enter an amount");
        }
        BigDecimal exact = currency.parse(amount, "amount");
        var settings = store.current();
        if (exact.compareTo(settings.topUpMin()) < 0 || exact.compareTo(settings.topUpMax()) > 0) {
            throw DomainException.badRequest("amount_out_of_range", "amount", "Top up from " + currency.display(settings.topUpMin())
                    + " to " + currency.display(settings.topUpMax()), currency.display(settings.topUpMin()),
                    currency.display(settings.topUpMax()));
        }
        if (gatewayId == null) {
            throw DomainException.badRequest("unknown_gateway", "gateway", "Choose how to pay");
        }
        check(gatewayId);
        return begin("topup", customerId, email, null, exact, gatewayId, "Wallet top-up");
    }

    /** One of the customer's own payments; someone else's does not exist for them. */
    @PreAuthorize("isAuthenticated()")
    public PaymentView myPayment(long customerId, long paymentId) {
        return jdbc.sql(SELECT + "WHERE p.id = ? AND p.customer_id = ?").params(paymentId, customerId).query(this::view).optional()
                .orElseThrow(() -> DomainException.notFound("payment_not_found", "No such payment"));
    }

    // ---- checkout (for ordering) ----

    @Override
    public void check(long gatewayId) {
        GatewayInstances.Instance instance = gateways.find(gatewayId)
                .filter(GatewayInstances.Instance::enabled)
                .orElseThrow(() -> DomainException.badRequest("unknown_gateway", "gateway", "No such payment method"));
        if (!gateways.takesStoreCurrency(instance)) {
            throw DomainException.badRequest("unknown_gateway", "gateway", "This payment method does not take "
                    + currency.code());
        }
    }

    @Override
    public Started start(long orderId, long customerId, String customerEmail, BigDecimal amount, long gatewayId) {
        return started(begin("order", customerId, customerEmail, orderId, amount, gatewayId, "Order " + orderId));
    }

    @Override
    public List<Option> options() {
        return gateways.enabledForCustomers().stream().map(g -> new Option("gateway:" + g.id(), g.name())).toList();
    }

    @Override
    public Optional<Started> forOrder(long orderId) {
        return jdbc.sql(SELECT + "WHERE p.order_id = ? ORDER BY p.id DESC LIMIT 1").param(orderId).query(this::view).optional()
                .map(Payments::started);
    }

    private static Started started(PaymentView p) {
        return new Started(p.id(), p.status(), p.redirectUrl(), p.qrString(), p.instructions());
    }

    private PaymentView begin(String purpose, long customerId, String email, Long orderId, BigDecimal amount, long gatewayId,
                              String description) {
        GatewayInstances.Instance instance = gateways.instance(gatewayId);
        GatewayInstances.Connected connected = gateways.connect(instance);
        Instant now = clock.instant();
        long id = jdbc.sql("INSERT INTO payment (gateway_id, purpose, customer_id, order_id, amount, currency, status, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, " + PaymentState.PENDING.sql() + ", ?, ?) RETURNING id")
                .params(gatewayId, purpose, customerId, orderId, amount, currency.code(), UtcTime.column(now), UtcTime.column(now))
                .query(Long.class).single();
        String reference = "pay-" + id;
        jdbc.sql("UPDATE payment SET reference = ? WHERE id = ?").params(reference, id).update();
        String returnUrl = gateways.publicUrl() + (orderId == null ? "/wallet/top-ups/" + id : "/orders/" + orderId);
        try {
            PaymentGateway.PaymentStart start = connected.gateway().startPayment(connected.context(),
                    new PaymentGateway.PaymentRequest(reference, amount, currency.code(), description, email, returnUrl,
                            gateways.webhookUrl(gatewayId)));
            jdbc.sql("UPDATE payment SET gateway_ref = ?, redirect_url = ?, qr_string = ?, instructions = ?, updated_at = ? WHERE id = ?")
                    .params(Text.cut(start.gatewayRef(), 200), Text.cut(start.redirectUrl(), 2000), start.qrString(), start.instructions(),
                            UtcTime.column(clock.instant()), id)
                    .update();
        } catch (PaymentGateway.GatewayException | RuntimeException e) {
            String reason = "Could not start: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            jdbc.sql("UPDATE payment SET status = " + PaymentState.FAILED.sql() + ", failure_reason = ?, updated_at = ? WHERE id = ? AND "
                            + PaymentState.FAILED.from(PaymentState.PENDING))
                    .params(Text.cut(reason, 500), UtcTime.column(clock.instant()), id).update();
            log.warn("Payment {} through {} could not start: {}", id, instance.name(), e.getMessage());
            boolean retryable = e instanceof PaymentGateway.GatewayException g && g.retryable();
            throw new DomainException(retryable ? 503 : 502, "gateway_error", null,
                    "The payment could not be started; try again or choose another way to pay");
        }
        return payment(id);
    }

    /**
     * Applies a gateway status to a payment under its row lock. Paid: from pending, failed or
     * expired only (never twice, never downgraded); failed/expired: from pending only.
     */
    boolean settleLocked(long paymentId, PaymentEvent.Status status, String reason, String actor) {
        PaymentView p = jdbc.sql(SELECT + "WHERE p.id = ? FOR UPDATE").param(paymentId).query(this::view).single();
        PaymentState state = PaymentState.parse(p.status());
        Instant now = clock.instant();
        switch (status) {
            case PAID -> {
                if (!state.canMoveTo(PaymentState.PAID)) {
                    return false;
                }
                jdbc.sql("UPDATE payment SET status = " + PaymentState.PAID.sql() + ", failure_reason = NULL, paid_at = ?, updated_at = ? WHERE id = ?")
                        .params(UtcTime.column(now), UtcTime.column(now), p.id()).update();
                if (p.orderId() == null) {
                    wallet.credit(p.customerId(), p.amount(), LedgerType.TOP_UP, "payment:" + p.id(), "Top-up via " + p.gatewayName(), actor);
                    published.publishEvent(new TopUpCredited(p.id(), p.customerId(), p.amount()));
                } else if (!orderPayments.paid(p.orderId(), p.amount(), p.gatewayName(), actor)) {
                    // The order ended before its money arrived: nothing is lost, it goes to the wallet.
                    wallet.credit(p.customerId(), p.amount(), LedgerType.REFUND, "payment:" + p.id(),
                            "Late payment for order " + p.orderId() + " via " + p.gatewayName(), actor);
                }
                updates.changed(p.id());
                return true;
            }
            case FAILED, EXPIRED -> {
                if (!state.canMoveTo(PaymentState.FAILED)) {
                    return false;
                }
                String why = status == PaymentEvent.Status.EXPIRED ? "expired" : reason;
                jdbc.sql("UPDATE payment SET status = " + PaymentState.FAILED.sql() + ", failure_reason = ?, updated_at = ? WHERE id = ?")
                        .params(Text.cut(why, 500), UtcTime.column(now), p.id()).update();
                if (p.orderId() != null) {
                    orderPayments.failed(p.orderId(), why, actor);
                }
                published.publishEvent(new PaymentFailed(p.id(), p.customerId(), p.orderId(), p.amount()));
                updates.changed(p.id());
                return true;
            }
            default -> {
                return false; // pending: nothing new; refunds are booked when we make them
            }
        }
    }

    // ---- staff ----

    /** Staff saw the money of a payment through a gateway they confirm by hand (a bank transfer) arrive. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public PaymentView confirmManual(long paymentId, String actor) {
        PaymentView p = payment(paymentId);
        if (!gateways.staffConfirms(p.gatewayId())) {
            throw DomainException.conflict("not_manual", "Only manual transfers are confirmed by staff");
        }
        if (!PaymentState.parse(p.status()).canMoveTo(PaymentState.PAID)) {
            throw DomainException.conflict("already_settled", "This payment is " + p.status(), p.status());
        }
        transaction.executeWithoutResult(status -> {
            events.record(p.gatewayId(), p.id(), null, true, "confirmed", "Transfer confirmed by " + actor, null);
            settleLocked(p.id(), PaymentEvent.Status.PAID, "confirmed", actor);
        });
        return payment(paymentId);
    }

    /** Payments matching the filter, newest first, a page at a time. */
    public record Filter(String status, Long gatewayId, String customerEmail, BigDecimal minAmount, BigDecimal maxAmount,
                         LocalDate from, LocalDate to) {
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<PaymentView> search(Filter filter, long offset, int limit) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.status() != null && !filter.status().isBlank()) {
            where.append(" AND p.status = ?");
            params.add(filter.status());
        }
        if (filter.gatewayId() != null) {
            where.append(" AND p.gateway_id = ?");
            params.add(filter.gatewayId());
        }
        if (filter.customerEmail() != null && !filter.customerEmail().isBlank()) {
            List<Long> customers = accounts.idsWithEmailContaining(filter.customerEmail());
            if (customers.isEmpty()) {
                return List.of();
            }
            where.append(" AND p.customer_id IN (").append(String.join(", ", Collections.nCopies(customers.size(), "?"))).append(")");
            params.addAll(customers);
        }
        if (filter.minAmount() != null) {
            where.append(" AND p.amount >= ?");
            params.add(filter.minAmount());
        }
        if (filter.maxAmount() != null) {
            where.append(" AND p.amount <= ?");
            params.add(filter.maxAmount());
        }
        if (filter.from() != null) {
            where.append(" AND p.created_at >= ?");
            params.add(filter.from().atStartOfDay());
        }
        if (filter.to() != null) {
            where.append(" AND p.created_at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay());
        }
        params.add(Math.max(1, Math.min(limit, 500)));
        params.add(Math.max(0L, offset));
        return jdbc.sql(SELECT + where + " ORDER BY p.id DESC LIMIT ? OFFSET ?").params(params).query(this::view).list();
    }

    /** A received event, as kept for audit. */
    public record EventView(long id, boolean verified, String outcome, String eventId, String detail, String body, Instant at) {
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<EventView> events(long paymentId) {
        return jdbc.sql("SELECT id, verified, outcome, event_id, detail, body, received_at FROM payment_event WHERE payment_id = ? ORDER BY id")
                .param(paymentId)
                .query((rs, n) -> new EventView(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), UtcTime.instant(rs.getObject(7, LocalDateTime.class))))
                .list();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public PaymentView get(long paymentId) {
        return payment(paymentId);
    }

    // ---- reconciliation ----

    /**
     * Asks the gateways about payments left pending longer than {@code ordino.payments.reconcile-after}:
     * each gateway on its own thread, its payments one after another.
     */
    public int reconcile() {
        // Only gateways that can be asked (not those staff confirm, nor those not running); the least recently asked
        // come first, so old ones never block new ones.
        List<Long> askable = gateways.askable();
        if (askable.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>(askable);
        params.add(UtcTime.column(clock.instant().minus(reconcileAfter)));
        List<PaymentView> stale = jdbc.sql(SELECT + "WHERE p.gateway_id IN (" + String.join(", ", Collections.nCopies(askable.size(), "?"))
                        + ") AND p.status = " + PaymentState.PENDING.sql() + " AND p.created_at < ? ORDER BY p.updated_at LIMIT 500")
                .params(params).query(this::view).list();
        AtomicInteger settled = new AtomicInteger();
        EachInstance.inParallel("payment-reconciliation", stale.stream().collect(Collectors.groupingBy(PaymentView::gatewayId,
                LinkedHashMap::new, Collectors.toList())).values(), atOneGateway -> settled.addAndGet(reconcile(atOneGateway)));
        return settled.get();
    }

    /** One gateway's payments. Once it hangs (or is full of hanging calls) the rest wait for the next run instead of a deadline each. */
    private int reconcile(List<PaymentView> atOneGateway) {
        GatewayInstances.Connected connected = gateways.connect(gateways.instance(atOneGateway.getFirst().gatewayId()), PluginCalls.Kind.JOB);
        int settled = 0;
        for (PaymentView p : atOneGateway) {
            try {
                PaymentEvent event = connected.gateway().status(connected.context(), p.gatewayRef() == null ? p.reference() : p.gatewayRef());
                settled += settle(p, event) ? 1 : 0;
            } catch (PluginCallFailed e) {
                log.warn("Reconciling payment {} failed: {}", p.id(), e.getMessage());
                if (e.reason() == PluginCallFailed.Reason.TIMED_OUT || e.reason() == PluginCallFailed.Reason.BUSY) {
                    log.warn("Gateway {} skipped for the rest of this reconciliation", connected.instance().name());
                    break;
                }
            } catch (PaymentGateway.GatewayException | RuntimeException e) {
                log.warn("Reconciling payment {} failed: {}", p.id(), e.getMessage());
            }
        }
        return settled;
    }

    private boolean settle(PaymentView p, PaymentEvent event) {
        jdbc.sql("UPDATE payment SET updated_at = ? WHERE id = ?").params(UtcTime.column(clock.instant()), p.id()).update();
        if (event == null || event.status() == PaymentEvent.Status.PENDING) {
            if (p.createdAt().isBefore(clock.instant().minus(GIVE_UP_AFTER))) {
                transaction.executeWithoutResult(status -> settleLocked(p.id(), PaymentEvent.Status.EXPIRED, "expired",
                        "reconciliation"));
            }
            return false;
        }
        if (event.status() == PaymentEvent.Status.PAID && (event.amount() == null || event.amount().compareTo(p.amount()) != 0)) {
            log.warn("Payment {}: the gateway reports {} paid, {} was asked; left for staff", p.id(), event.amount(), p.amount());
            return false;
        }
        return Boolean.TRUE.equals(transaction.execute(status -> {
            events.record(p.gatewayId(), p.id(), null, true, "reconciled", event.status().name(), null);
            return settleLocked(p.id(), event.status(), event.status().name().toLowerCase(), "reconciliation");
        }));
    }

    // ---- reading ----

    private static final String SELECT = "SELECT p.*, g.name AS gateway_name, g.plugin_id AS gateway_plugin FROM payment p "
            + "JOIN gateway_instance g ON g.id = p.gateway_id ";

    /** The order's latest gateway payment that took money, if any. */
    Optional<PaymentView> paidPaymentOfOrder(long orderId) {
        return jdbc.sql(SELECT + "WHERE p.order_id = ? AND p." + PaymentState.in(PaymentState.REFUNDABLE) + " ORDER BY p.id DESC LIMIT 1")
                .param(orderId).query(this::view).optional();
    }

    Optional<PaymentView> byReference(String reference, long gatewayId) {
        return jdbc.sql(SELECT + "WHERE p.reference = ? AND p.gateway_id = ?").params(reference, gatewayId).query(this::view).optional();
    }

    PaymentView payment(long id) {
        return jdbc.sql(SELECT + "WHERE p.id = ?").param(id).query(this::view).optional()
                .orElseThrow(() -> DomainException.notFound("payment_not_found", "No such payment"));
    }

    private PaymentView view(ResultSet rs, int row) throws SQLException {
        LocalDateTime paidAt = rs.getObject("paid_at", LocalDateTime.class);
        long order = rs.getLong("order_id");
        Long orderId = rs.wasNull() ? null : order;
        return new PaymentView(rs.getLong("id"), rs.getString("reference"), rs.getString("gateway_ref"), rs.getLong("gateway_id"), rs.getString("gateway_name"),
                rs.getString("gateway_plugin"), rs.getString("purpose"), rs.getLong("customer_id"), orderId,
                currency.round(rs.getBigDecimal("amount")), rs.getString("currency"), rs.getString("status"),
                rs.getString("failure_reason"), rs.getString("redirect_url"), rs.getString("qr_string"), rs.getString("instructions"),
                currency.round(rs.getBigDecimal("refunded_amount")), UtcTime.instant(rs.getObject("created_at", LocalDateTime.class)),
                paidAt == null ? null : UtcTime.instant(paidAt));
    }

}
