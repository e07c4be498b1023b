package dev.ordino.fulfilment;

import static dev.ordino.fulfilment.ProviderOrderState.ATTENTION;
import static dev.ordino.fulfilment.ProviderOrderState.CLOSED;
import static dev.ordino.fulfilment.ProviderOrderState.OPEN;
import static dev.ordino.fulfilment.ProviderOrderState.QUEUED;
import static dev.ordino.fulfilment.ProviderOrderState.UNKNOWN;

import dev.ordino.base.Text;
import dev.ordino.base.DomainException;
import dev.ordino.base.UtcTime;
import dev.ordino.catalog.CatalogService;
import dev.ordino.ordering.OrderFulfilment;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.ProviderRequests;
import dev.ordino.plugin.PluginCalls;
import dev.ordino.plugin.api.ProviderException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What people do with provider orders: staff work the "needs attention" list (resubmit,
 * enter the provider's order id, refund); customers ask for a refill or a cancellation where
 * the service allows it.
 */
@Service
public class ProviderOrders implements ProviderRequests {

    private final ProviderInstances instances;
    private final ProviderSubmission submission;
    private final OrderFulfilment orders;
    private final CatalogService catalog;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProviderOrders(ProviderInstances instances, ProviderSubmission submission, OrderFulfilment orders, CatalogService catalog,
                   JdbcClient jdbc, Clock clock) {
        this.instances = instances;
        this.submission = submission;
        this.orders = orders;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A provider order as staff see it. */
    public record ProviderOrderView(long id, long orderId, String orderNumber, long itemId, String provider, String serviceId,
                                    String state, String providerRef, String providerStatus, Long startCount, Long remains,
                                    String reason, int attempts, Instant createdAt, Instant updatedAt) {
    }

    /**
     * What a customer reads when the provider turns a request down: the shop's own words. The provider's
     * answer goes to the provider's log for staff ({@code instances.failed}), never to the customer.
     */
    private static final String REFUSED = "The request could not be completed; please try again later";
    private static final String SELECT = "SELECT p.id, p.order_id, p.item_id, i.name, p.service_id, p.state, p.provider_ref, "
            + "p.provider_status, p.start_count, p.remains, COALESCE(p.attention_reason, p.last_error), p.attempts, p.created_at, "
            + "p.updated_at FROM provider_order p JOIN provider_instance i ON i.id = p.instance_id ";

    /** Lines whose outcome is unknown or that every provider refused, oldest first. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<ProviderOrderView> needingAttention() {
        return withNumbers(jdbc.sql(SELECT + "WHERE p." + ProviderOrderState.in(ProviderOrderState.NEEDS_STAFF)
                + " ORDER BY p.id LIMIT 500").query(this::view).list());
    }

    /** Provider orders of one customer order. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<ProviderOrderView> ofOrder(long orderId) {
        return withNumbers(jdbc.sql(SELECT + "WHERE p.order_id = ? ORDER BY p.id").param(orderId).query(this::view).list());
    }

    /** The customer orders' numbers, from ordering. */
    private List<ProviderOrderView> withNumbers(List<ProviderOrderView> rows) {
        Map<Long, String> numbers = orders.numbers(rows.stream().map(ProviderOrderView::orderId).collect(Collectors.toSet()));
        return rows.stream().map(r -> new ProviderOrderView(r.id(), r.orderId(), numbers.get(r.orderId()), r.itemId(), r.provider(),
                r.serviceId(), r.state(), r.providerRef(), r.providerStatus(), r.startCount(), r.remains(), r.reason(), r.attempts(),
                r.createdAt(), r.updatedAt())).toList();
    }

    /** Sends the line again (staff checked that the provider does not have it). */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public void resubmit(long id, String actor) {
        ProviderOrderView row = attention(id);
        claimed(jdbc.sql("UPDATE provider_order SET state = " + QUEUED.sql() + ", tried_instances = NULL, attempts = 0, "
                        + "next_attempt_at = ?, attention_reason = NULL, updated_at = ? WHERE id = ? AND " + QUEUED.from(UNKNOWN, ATTENTION))
                .params(UtcTime.column(clock.instant()), UtcTime.column(clock.instant()), id).update());
        orders.note(row.orderId(), "Resubmission to the provider requested by staff", actor);
        submission.submitDue();
    }

    /** Records the provider's order id found at the provider: the line is tracked from now on. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public void enterReference(long id, String providerRef, String actor) {
        String ref = providerRef == null ? "" : providerRef.strip();
        if (ref.isEmpty() || ref.length() > 100) {
            throw DomainException.badRequest("invalid_reference", "providerRef", "Enter the provider's order id");
        }
        ProviderOrderView row = attention(id);
        Instant now = clock.instant();
        claimed(jdbc.sql("UPDATE provider_order SET state = " + OPEN.sql() + ", provider_ref = ?, provider_status = 'Pending', "
                        + "submitted_at = ?, attention_reason = NULL, updated_at = ? WHERE id = ? AND " + OPEN.from(UNKNOWN, ATTENTION))
                .params(ref, UtcTime.column(now), UtcTime.column(now), id).update());
        orders.itemProgress(row.orderId(), row.itemId(), OrderStatus.PROCESSING, null,
                "Provider order " + ref + " entered by staff", actor);
    }

    /** Gives the customer the line's money back and stops tracking it. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public void refund(long id, String actor) {
        ProviderOrderView row = attention(id);
        claimed(jdbc.sql("UPDATE provider_order SET state = " + CLOSED.sql() + ", updated_at = ? WHERE id = ? AND "
                        + CLOSED.from(UNKNOWN, ATTENTION))
                .params(UtcTime.column(clock.instant()), id).update());
        orders.itemProgress(row.orderId(), row.itemId(), OrderStatus.CANCELLED, null,
                "Refunded by staff: the provider did not take the order", actor);
    }

    /** A staff action took the line only if its state was still one needing attention (another click may have won). */
    private static void claimed(int rows) {
        if (rows == 0) {
            throw DomainException.conflict("not_needing_attention", "This line does not need attention any more");
        }
    }

    private ProviderOrderView attention(long id) {
        ProviderOrderView row = jdbc.sql(SELECT + "WHERE p.id = ?").param(id).query(this::view).optional()
                .orElseThrow(() -> DomainException.notFound("provider_order_not_found", "No such provider order"));
        if (!ProviderOrderState.NEEDS_STAFF.contains(ProviderOrderState.parse(row.state()))) {
            throw DomainException.conflict("not_needing_attention", "This line does not need attention any more");
        }
        return row;
    }

    // ---- customers ----

    @Override
    @PreAuthorize("isAuthenticated()")
    public Options options(long customerId, long orderId) {
        Optional<Tracked> tracked = tracked(customerId, orderId);
        if (tracked.isEmpty()) {
            return new Options(false, false, null);
        }
        Tracked t = tracked.get();
        return new Options(refillProblem(t) == null, cancelProblem(t) == null, t.lastRefill());
    }

    /**
     * Asks the provider to refill a completed order, within the service's refill days.
     *
     * @throws DomainException {@code refill_not_available} (409), {@code provider_refused} (409), {@code provider_error} (502/503)
     */
    @Override
    @PreAuthorize("isAuthenticated()")
    public void refill(long customerId, long orderId, String actor) {
        refillNow(customerId, orderId, actor);
    }

    /** The same, answering the provider's refill id. */
    @PreAuthorize("isAuthenticated()")
    public String refillNow(long customerId, long orderId, String actor) {
        return requestRefill(customerId, orderId, actor).providerRef();
    }

    /** A refill asked for: the shop's own id for it (what the panel API answers) and the provider's. */
    public record RefillRequested(long id, String providerRef) {
    }

    /** The same, answering the shop's refill id as well. */
    @PreAuthorize("isAuthenticated()")
    public RefillRequested requestRefill(long customerId, long orderId, String actor) {
        Tracked t = tracked(customerId, orderId).orElseThrow(() -> DomainException.conflict("refill_not_available",
                "This order cannot be refilled"));
        String problem = refillProblem(t);
        if (problem != null) {
            throw DomainException.conflict("refill_not_available", problem);
        }
        ProviderInstances.Connected connected = instances.connect(instances.instance(t.instanceId()), PluginCalls.Kind.CUSTOMER);
        String refillId;
        try {
            refillId = connected.provider().refill(connected.context(), t.ref());
        } catch (ProviderException e) {
            throw providerProblem(connected, "refill", e);
        }
        if (refillId == null || refillId.isBlank()) {
            instances.logLine(connected.instance().id(), "refill", "The provider did not accept the refill of order " + t.ref());
            throw DomainException.conflict("provider_refused", REFUSED);
        }
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO provider_refill (provider_order_id, refill_ref, status, requested_by, requested_at) VALUES (?, ?, 'Pending', ?, ?)")
                .params(t.id(), Text.cut(refillId.strip(), 100), actor, UtcTime.column(clock.instant())).update(id);
        orders.note(orderId, "Refill requested", actor);
        return new RefillRequested(id.getKey().longValue(), refillId.strip());
    }

    /** Where one of the customer's refills stands, in the provider's word ("Pending", "Completed", ...); empty for another's. */
    @PreAuthorize("isAuthenticated()")
    public Optional<String> refillStatus(long customerId, long refillId) {
        return jdbc.sql("SELECT p.order_id, r.status FROM provider_refill r JOIN provider_order p ON p.id = r.provider_order_id "
                        + "WHERE r.id = ?")
                .param(refillId)
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).optional()
                .filter(row -> {
                    List<OrderFulfilment.ServiceItem> items = orders.serviceItems((Long) row[0]);
                    return !items.isEmpty() && items.getFirst().customerId() == customerId;
                })
                .map(row -> (String) row[1]);
    }

    /**
     * Asks the provider to cancel. The refund follows when the provider reports {@code Canceled}.
     *
     * @throws DomainException {@code cancel_not_available} (409), {@code provider_refused} (409), {@code provider_error}
     */
    @Override
    @PreAuthorize("isAuthenticated()")
    public void requestCancel(long customerId, long orderId, String actor) {
        Tracked t = tracked(customerId, orderId).orElseThrow(() -> DomainException.conflict("cancel_not_available",
                "This order cannot be cancelled now"));
        String problem = cancelProblem(t);
        if (problem != null) {
            throw DomainException.conflict("cancel_not_available", problem);
        }
        ProviderInstances.Connected connected = instances.connect(instances.instance(t.instanceId()), PluginCalls.Kind.CUSTOMER);
        Map<String, Boolean> answer;
        try {
            answer = connected.provider().cancel(connected.context(), List.of(t.ref()));
        } catch (ProviderException e) {
            throw providerProblem(connected, "cancel", e);
        }
        if (answer == null || !Boolean.TRUE.equals(answer.get(t.ref()))) {
            instances.logLine(connected.instance().id(), "cancel", "The provider did not accept the cancellation of order " + t.ref());
            throw DomainException.conflict("provider_refused", REFUSED);
        }
        jdbc.sql("UPDATE provider_order SET cancel_requested = 1, updated_at = ? WHERE id = ?")
                .params(UtcTime.column(clock.instant()), t.id()).update();
        orders.note(orderId, "Cancellation requested; what is not delivered is refunded once the cancellation is confirmed", actor);
    }

    private DomainException providerProblem(ProviderInstances.Connected connected, String action, ProviderException e) {
        instances.failed(connected.instance().id(), action, e);
        return switch (e) {
            case ProviderException.Rejected r -> DomainException.conflict("provider_refused", REFUSED);
            case ProviderException.Unreachable u -> new DomainException(503, "provider_error", null,
                    "The request could not be completed right now; please try again later");
            case ProviderException.OutcomeUnknown u -> new DomainException(502, "provider_error", null,
                    "The request could not be confirmed; look at the order again later");
        };
    }

    private record Tracked(long id, long instanceId, String ref, ProviderOrderState state, OrderStatus itemStatus, boolean refill,
                           boolean cancel, boolean cancelRequested, long offeringId, Instant completedAt, String lastRefill) {
    }

    /** The order's first line at a provider, if the order is the customer's, with what its service allows. */
    private Optional<Tracked> tracked(long customerId, long orderId) {
        List<OrderFulfilment.ServiceItem> items = orders.serviceItems(orderId);
        if (items.isEmpty() || items.getFirst().customerId() != customerId) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT p.id, p.instance_id, p.provider_ref, p.state, p.item_id, p.service_id, p.cancel_requested, "
                        + "p.completed_at, (SELECT r.status FROM provider_refill r WHERE r.provider_order_id = p.id ORDER BY r.id DESC LIMIT 1) "
                        + "FROM provider_order p WHERE p.order_id = ? AND p.provider_ref IS NOT NULL ORDER BY p.id LIMIT 1")
                .param(orderId)
                .query((rs, n) -> {
                    long itemId = rs.getLong(5);
                    OrderFulfilment.ServiceItem item = items.stream().filter(i -> i.itemId() == itemId).findFirst().orElseThrow();
                    boolean[] allows = jdbc.sql("SELECT refill, cancel FROM offering_provider WHERE offering_id = ? AND instance_id = ? "
                                    + "AND service_id = ?")
                            .params(item.offeringId(), rs.getLong(2), rs.getString(6))
                            .query((m, k) -> new boolean[]{m.getBoolean(1), m.getBoolean(2)}).optional().orElse(new boolean[2]);
                    LocalDateTime completedAt = rs.getObject(8, LocalDateTime.class);
                    return new Tracked(rs.getLong(1), rs.getLong(2), rs.getString(3), ProviderOrderState.parse(rs.getString(4)),
                            item.itemStatus(), allows[0], allows[1], rs.getBoolean(7), item.offeringId(),
                            completedAt == null ? null : UtcTime.instant(completedAt), rs.getString(9));
                })
                .optional();
    }

    private String refillProblem(Tracked t) {
        if (!t.refill()) {
            return "This service has no refill";
        }
        if (t.itemStatus() != OrderStatus.COMPLETED && t.itemStatus() != OrderStatus.PARTIAL) {
            return "A refill is possible once the order is completed";
        }
        int days = catalog.offering(t.offeringId()).map(o -> o.refillDays()).orElse(0);
        if (days <= 0 || t.completedAt() == null || clock.instant().isAfter(t.completedAt().plus(Duration.ofDays(days)))) {
            return "The refill period of this service has ended";
        }
        if (t.lastRefill() != null && !RefillState.of(t.lastRefill()).isFinal()) {
            return "A refill is already in progress";
        }
        return null;
    }

    private String cancelProblem(Tracked t) {
        if (!t.cancel()) {
            return "This service cannot be cancelled";
        }
        if (t.state() != OPEN) {
            return "This order is not running now";
        }
        if (t.cancelRequested()) {
            return "A cancellation was already requested";
        }
        return null;
    }

    private ProviderOrderView view(ResultSet rs, int row) throws SQLException {
        return new ProviderOrderView(rs.getLong(1), rs.getLong(2), null, rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), (Long) rs.getObject(9, Long.class),
                (Long) rs.getObject(10, Long.class), rs.getString(11), rs.getInt(12),
                UtcTime.instant(rs.getObject(13, LocalDateTime.class)), UtcTime.instant(rs.getObject(14, LocalDateTime.class)));
    }
}
