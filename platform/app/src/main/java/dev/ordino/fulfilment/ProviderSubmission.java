package dev.ordino.fulfilment;

import static dev.ordino.fulfilment.ProviderOrderState.ATTENTION;
import static dev.ordino.fulfilment.ProviderOrderState.CLOSED;
import static dev.ordino.fulfilment.ProviderOrderState.OPEN;
import static dev.ordino.fulfilment.ProviderOrderState.QUEUED;
import static dev.ordino.fulfilment.ProviderOrderState.SUBMITTING;
import static dev.ordino.fulfilment.ProviderOrderState.UNKNOWN;

import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import dev.ordino.base.cluster.AppNode;
import dev.ordino.ordering.OrderFulfilment;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.PaymentStatus;
import dev.ordino.plugin.PluginCallFailed;
import dev.ordino.plugin.PluginLimits;
import dev.ordino.plugin.api.ProviderException;
import dev.ordino.plugin.api.ProviderOrderRef;
import dev.ordino.plugin.api.ProviderOrderRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands paid SMM lines to their providers, exactly once. The attempt is recorded (state
 * {@code submitting}, committed) before the call. Then:
 * <ul>
 *   <li>accepted: the provider's order id is stored, the line becomes {@code processing};</li>
 *   <li>nothing reached the provider (refused connection, 5xx): retried later with backoff, the order stays {@code pending};</li>
 *   <li>the provider said no: the next enabled provider mapped to the offering is tried (failover), else staff attention;</li>
 *   <li>the outcome is unknown (timeout after sending, crash mid-call): never resubmitted by itself, staff attention.</li>
 * </ul>
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several nodes never send the same line.
 * What to send is always read from {@code provider_order}; {@link ProviderQueue} writes the rows.
 */
@Service
public class ProviderSubmission {

    private static final Logger log = LoggerFactory.getLogger(ProviderSubmission.class);
    /**
     * One line per claim: a line claimed but not yet sent when its node dies can only be listed
     * under attention, so each sender holds no more than the line it is sending.
     */
    private static final int CLAIM = 1;
    /** Beyond the job deadline: claiming, connecting and recording the answer take a moment too. */
    private static final Duration STUCK_MARGIN = Duration.ofSeconds(30);

    private final ProviderInstances instances;
    private final ProviderCatalog catalog;
    private final OrderFulfilment orders;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Duration stuckAfter;
    private final AppNode node;
    private final ApplicationEventPublisher events;

    ProviderSubmission(ProviderInstances instances, ProviderCatalog catalog, OrderFulfilment orders, JdbcClient jdbc, Clock clock,
                       PlatformTransactionManager transactions, AppNode node, PluginLimits limits,
                       @Value("${ordino.providers.stuck-after:}") Duration stuckAfter, ApplicationEventPublisher events) {
        this.events = events;
        // A call is abandoned at the job deadline: a line of a live node still submitting past it (and a margin) is stuck.
        this.stuckAfter = stuckAfter != null ? stuckAfter : limits.jobCallTimeout().plus(STUCK_MARGIN);
        this.node = node;
        this.instances = instances;
        this.catalog = catalog;
        this.orders = orders;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Queues the order's paid SMM lines whose offering has a provider; answers the new rows. */
    List<Long> enqueue(long orderId) {
        List<Long> created = new ArrayList<>();
        for (OrderFulfilment.ServiceItem item : orders.serviceItems(orderId)) {
            if (item.paymentStatus() != PaymentStatus.PAID || item.itemStatus() != OrderStatus.PENDING) {
                continue;
            }
            List<ProviderCatalog.Route> routes = catalog.routes(item.offeringId());
            if (routes.isEmpty()) {
                continue; // no provider: staff fulfil it by hand
            }
            ProviderCatalog.Route first = routes.getFirst();
            Instant now = clock.instant();
            Long id = jdbc.sql("INSERT IGNORE INTO provider_order (id, order_id, item_id, single_item, instance_id, service_id, state, "
                            + "attempts, next_attempt_at, created_at, updated_at) "
                            + "VALUES (NEXT VALUE FOR provider_order_seq, ?, ?, ?, ?, ?, " + QUEUED.sql() + ", 0, ?, ?, ?) RETURNING id")
                    .params(orderId, item.itemId(), item.itemCount() == 1, first.instanceId(), first.serviceId(),
                            UtcTime.column(now), UtcTime.column(now), UtcTime.column(now))
                    .query(Long.class).optional().orElse(null);
            if (id != null) {
                created.add(id);
            }
        }
        return created;
    }

    /** Sends every queued line that is due. Answers how many were claimed. */
    public int submitDue() {
        return submitDue(() -> true);
    }

    /** Sends queued lines that are due while {@code goOn} says so (a node that is stopping claims no more). */
    int submitDue(BooleanSupplier goOn) {
        int total = 0;
        while (goOn.getAsBoolean()) {
            List<Long> claimed = claim();
            if (claimed.isEmpty()) {
                return total;
            }
            total += claimed.size();
            claimed.forEach(this::submit);
        }
        return total;
    }

    private List<Long> claim() {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            List<Long> ids = jdbc.sql("SELECT id FROM provider_order WHERE state = " + QUEUED.sql() + " AND next_attempt_at <= ? ORDER BY id "
                            + "LIMIT " + CLAIM + " FOR UPDATE SKIP LOCKED")
                    .param(UtcTime.column(now)).query(Long.class).list();
            if (!ids.isEmpty()) {
                jdbc.sql("UPDATE provider_order SET state = " + SUBMITTING.sql() + ", claimed_by = :node, attempts = attempts + 1, "
                                + "updated_at = :now WHERE id IN (:ids)")
                        .param("node", node.id()).param("now", UtcTime.column(now)).param("ids", ids).update();
                orders.handedOn(jdbc.sql("SELECT DISTINCT order_id FROM provider_order WHERE id IN (:ids)").param("ids", ids)
                        .query(Long.class).list(), true);
            }
            return ids;
        });
    }

    /** A line claimed for sending. */
    private record Claimed(long id, long orderId, long itemId, long instanceId, String serviceId, int attempts, String tried) {
    }

    private void submit(long id) {
        Claimed row = jdbc.sql("SELECT id, order_id, item_id, instance_id, service_id, attempts, tried_instances FROM provider_order WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7)))
                .single();
        Optional<OrderFulfilment.ServiceItem> item = orders.serviceItems(row.orderId()).stream()
                .filter(i -> i.itemId() == row.itemId()).findFirst();
        if (item.isEmpty() || item.get().itemStatus() != OrderStatus.PENDING) {
            // Cancelled or handled by staff meanwhile: nothing to send.
            update(id, CLOSED, null, "Line no longer waiting to be sent");
            return;
        }
        ProviderInstances.Instance instance = instances.instance(row.instanceId());
        ProviderInstances.Connected connected;
        try {
            connected = instances.connect(instance);
        } catch (RuntimeException e) {
            retryLater(row, e);
            return;
        }
        OrderFulfilment.ServiceItem line = item.get();
        ProviderOrderRequest request = new ProviderOrderRequest(row.serviceId(), line.link(), line.quantity(),
                "item:" + line.itemId(), line.extras());
        // Still ours? The stuck-row recovery may have given up on it while earlier lines of the batch were slow.
        int ours = jdbc.sql("UPDATE provider_order SET updated_at = ? WHERE id = ? AND state = " + SUBMITTING.sql())
                .params(UtcTime.column(clock.instant()), row.id()).update();
        if (ours == 0) {
            return;
        }
        String ref;
        try {
            ProviderOrderRef answer = connected.provider().placeOrder(connected.context(), request);
            if (answer == null || answer.ref() == null || answer.ref().isBlank()) {
                throw new ProviderException.OutcomeUnknown("The provider answered without an order id", null);
            }
            ref = answer.ref().strip();
        } catch (ProviderException.Unreachable e) {
            retryLater(row, e);
            return;
        } catch (ProviderException.Rejected e) {
            instances.failed(instance.id(), "add", e);
            failover(row, line.offeringId(), e.getMessage());
            return;
        } catch (ProviderException e) { // OutcomeUnknown
            instances.failed(instance.id(), "add", e);
            unknown(row, instance.name() + " gave no clear answer after the order was sent (" + e.getMessage()
                    + "). It may have been placed: check at the provider, then resubmit, enter its order id or refund.");
            return;
        } catch (PluginCallFailed e) { // busy, past its deadline, or the plugin threw: its health is stored already
            if (e.nothingSent()) {
                retryLater(row, e);
            } else {
                instances.failed(instance.id(), "add", e);
                unknown(row, "The plugin of " + instance.name() + " did not finish sending (" + e.getMessage()
                        + "). It may have been placed: check at the provider.");
            }
            return;
        } catch (RuntimeException e) {
            instances.failed(instance.id(), "add", e);
            unknown(row, "The plugin of " + instance.name() + " failed while sending (" + ProviderInstances.describe(e)
                    + "). It may have been placed: check at the provider.");
            return;
        }
        accepted(row, instance, ref);
    }

    private void accepted(Claimed row, ProviderInstances.Instance instance, String ref) {
        Instant now = clock.instant();
        // 'unknown' too: the recovery may have marked it while the call was running; now the outcome is known.
        int stored = jdbc.sql("UPDATE provider_order SET state = " + OPEN.sql() + ", provider_ref = ?, provider_status = 'Pending', "
                        + "submitted_at = ?, last_error = NULL, attention_reason = NULL, updated_at = ? WHERE id = ? AND "
                        + OPEN.from(SUBMITTING, UNKNOWN))
                .params(Text.cut(ref, 100), UtcTime.column(now), UtcTime.column(now), row.id()).update();
        if (stored == 0) {
            log.error("Order item {} was accepted by provider {} as {}, but staff had already acted on the line; check for a double order",
                    row.itemId(), instance.name(), ref);
            instances.raiseAlert("provider-order:" + row.id(), "Provider " + instance.name() + " accepted order item " + row.itemId()
                    + " as " + ref + " after staff acted on it: check for a double order");
            return;
        }
        instances.healthy(instance.id());
        log.info("Order item {} sent to provider {} as {}", row.itemId(), instance.name(), ref);
        try {
            orders.itemProgress(row.orderId(), row.itemId(), OrderStatus.PROCESSING, null,
                    "Sent to " + instance.name() + " (order " + ref + ")", "provider:" + instance.name());
        } catch (RuntimeException e) {
            // The provider has the order and its id is stored: the next status sync moves the order on.
            log.warn("Order item {} is at provider {} as {}, but marking it processing failed: {}", row.itemId(),
                    instance.name(), ref, e.getMessage());
        }
    }

    private void retryLater(Claimed row, Exception e) {
        instances.failed(row.instanceId(), "add", e);
        // Nothing reached the provider: the customer may cancel again, unless another line of the order is with a provider.
        boolean othersOut = jdbc.sql("SELECT COUNT(*) FROM provider_order WHERE order_id = ? AND id <> ? AND "
                        + ProviderOrderState.in(ProviderOrderState.HANDED_ON))
                .params(row.orderId(), row.id()).query(Long.class).single() > 0;
        if (!othersOut) {
            orders.handedOn(List.of(row.orderId()), false);
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE provider_order SET state = " + QUEUED.sql() + ", next_attempt_at = ?, last_error = ?, updated_at = ? "
                        + "WHERE id = ? AND " + QUEUED.from(SUBMITTING))
                .params(UtcTime.column(now.plus(backoff(row.attempts()))), Text.cut(ProviderInstances.describe(e), 1000),
                        UtcTime.column(now), row.id())
                .update();
    }

    /** How long a line waits after its {@code attempts}-th try reached nobody: 15 s, doubling, at most 30 minutes. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(1800, 15L << Math.min(10, Math.max(0, attempts - 1))));
    }

    private void failover(Claimed row, long offeringId, String reason) {
        List<String> tried = new ArrayList<>(row.tried() == null || row.tried().isBlank() ? List.of()
                : Arrays.asList(row.tried().split(",")));
        tried.add(row.instanceId() + "/" + row.serviceId());
        Optional<ProviderCatalog.Route> next = catalog.routes(offeringId).stream()
                .filter(r -> !tried.contains(r.instanceId() + "/" + r.serviceId())).findFirst();
        Instant now = clock.instant();
        String triedText = Text.cut(String.join(",", tried), 500);
        if (next.isPresent()) {
            jdbc.sql("UPDATE provider_order SET state = " + QUEUED.sql() + ", instance_id = ?, service_id = ?, tried_instances = ?, "
                            + "attempts = 0, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ? AND "
                            + QUEUED.from(SUBMITTING, UNKNOWN))
                    .params(next.get().instanceId(), next.get().serviceId(), triedText, UtcTime.column(now),
                            Text.cut("Refused: " + reason, 1000), UtcTime.column(now), row.id())
                    .update();
            log.info("Order item {} refused by provider instance {} ({}); trying instance {}", row.itemId(), row.instanceId(),
                    reason, next.get().instanceId());
        } else {
            jdbc.sql("UPDATE provider_order SET state = " + ATTENTION.sql() + ", tried_instances = ?, attention_reason = ?, "
                            + "last_error = ?, updated_at = ? WHERE id = ? AND " + ATTENTION.from(SUBMITTING, UNKNOWN))
                    .params(triedText, Text.cut("Every provider refused it. Last answer: " + reason, 1000),
                            Text.cut(reason, 1000), UtcTime.column(now), row.id())
                    .update();
            log.warn("Order item {} refused by every provider; needs attention", row.itemId());
            events.publishEvent(new ProviderOrderNeedsAttention(row.orderId(), row.itemId(), "Every provider refused it: " + reason));
        }
    }

    private void unknown(Claimed row, String reason) {
        update(row.id(), UNKNOWN, reason, reason);
        events.publishEvent(new ProviderOrderNeedsAttention(row.orderId(), row.itemId(), reason));
        log.warn("Order item {}: outcome unknown at provider instance {}; needs attention", row.itemId(), row.instanceId());
    }

    private void update(long id, ProviderOrderState state, String attention, String error) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE provider_order SET state = ?, attention_reason = ?, last_error = ?, updated_at = ? WHERE id = ? "
                        + "AND " + state.from(SUBMITTING))
                .params(state.key(), Text.cut(attention, 1000), Text.cut(error, 1000), UtcTime.column(now), id)
                .update();
    }

    /**
     * Lines left {@code submitting} by a node that died mid-call: the request may have gone out, so
     * they go to staff attention, never back to the queue. A line claimed by a node that is gone
     * (its heartbeat missed, or stopped) goes at once; one of a live node only after
     * {@code ordino.providers.stuck-after} (the job deadline and a margin, by when the call has been
     * abandoned). This node's own lines are never taken for a dead node's.
     */
    public int recoverStuck() {
        Instant now = clock.instant();
        return jdbc.sql("UPDATE provider_order SET state = " + UNKNOWN.sql() + ", attention_reason = ?, updated_at = ? "
                        + "WHERE " + UNKNOWN.from(SUBMITTING) + " AND (updated_at < ? "
                        + "OR claimed_by IS NOT NULL AND claimed_by <> ? AND " + node.goneCondition("provider_order.claimed_by") + ")")
                .params("Sending was interrupted; the provider may have the order. Check at the provider, then resubmit, "
                        + "enter its order id or refund.", UtcTime.column(now), UtcTime.column(now.minus(stuckAfter)), node.id())
                .update();
    }
}
