package dev.ordino.fulfilment;

import static dev.ordino.fulfilment.ProviderOrderState.ATTENTION;
import static dev.ordino.fulfilment.ProviderOrderState.DONE;
import static dev.ordino.fulfilment.ProviderOrderState.OPEN;

import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import dev.ordino.base.db.RowValues;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.ordering.OrderFulfilment;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.plugin.api.ProviderException;
import dev.ordino.plugin.api.ProviderOrderStatus;
import dev.ordino.plugin.api.SmmProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps open provider orders in step: per instance, 100 orders per multi-status call, writes
 * batched per call. {@code Pending}/{@code Processing} → processing, {@code In progress} →
 * in progress, {@code Completed}, {@code Partial} (remains × unit price back to the wallet,
 * once), {@code Canceled} (the line total back); errors and {@code Fail} go to staff attention.
 */
@Service
public class ProviderStatusSync {

    private static final Logger log = LoggerFactory.getLogger(ProviderStatusSync.class);
    private static final List<String> STATUS_COLUMNS = List.of("id", "status", "start_count", "remains", "charge");

    private final ProviderInstances instances;
    private final OrderFulfilment orders;
    private final StoreCurrency currency;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ProviderStatusSync(ProviderInstances instances, OrderFulfilment orders, StoreCurrency currency, JdbcClient jdbc,
                       JdbcTemplate batches, Clock clock, PlatformTransactionManager transactions) {
        this.instances = instances;
        this.orders = orders;
        this.currency = currency;
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One cycle's figures: orders checked, orders whose status or counts changed, calls made. */
    public record Result(int checked, int updated, int calls) {
    }

    private record Open(long id, long orderId, long itemId, boolean single, String ref, String status, Long startCount,
                        Long remains) {
    }

    /**
     * Checks every open provider order once. While one page's answers are written, the call for
     * the next page is already out: still one call at a time to each panel, but the database and
     * the panel no longer wait for each other.
     */
    public Result syncAll() {
        return sync(null);
    }

    /**
     * Checks the open provider orders sent at or after {@code since} once: young orders move
     * fastest (a demo order is done in minutes), so they are asked about more often than the rest.
     */
    public Result syncSentSince(Instant since) {
        return sync(Objects.requireNonNull(since));
    }

    private Result sync(Instant sentSince) {
        // Enabled instances only, each on its own thread: one that hangs or fails holds up nobody else.
        List<Long> withOpen = jdbc.sql("SELECT DISTINCT p.instance_id FROM provider_order p JOIN provider_instance i "
                        + "ON i.id = p.instance_id WHERE p.state = " + OPEN.sql() + " AND i.enabled = 1"
                        + (sentSince == null ? "" : " AND p.submitted_at >= :since"))
                .params(sentSince == null ? Map.of() : Map.of("since", UtcTime.column(sentSince))).query(Long.class).list();
        int checked = 0;
        int updated = 0;
        int calls = 0;
        try (ExecutorService asking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("provider-status-", 0).factory())) {
            List<Future<Result>> perInstance = new ArrayList<>();
            for (long instanceId : withOpen) {
                perInstance.add(asking.submit(() -> syncInstance(instanceId, sentSince, asking)));
            }
            for (int i = 0; i < perInstance.size(); i++) {
                try {
                    Result result = perInstance.get(i).get();
                    checked += result.checked();
                    updated += result.updated();
                    calls += result.calls();
                } catch (ExecutionException e) {
                    log.error("Status sync of provider instance {} failed; the next sync tries again", withOpen.get(i), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (sentSince == null) {
            refillStatuses();
        }
        return new Result(checked, updated, calls);
    }

    private Result syncInstance(long instanceId, Instant sentSince, ExecutorService asking) {
        int checked = 0;
        int updated = 0;
        int calls = 0;
        ProviderInstances.Connected connected;
        try {
            connected = instances.connect(instances.instance(instanceId));
        } catch (RuntimeException e) {
            instances.failed(instanceId, "status", e);
            return new Result(0, 0, 0);
        }
        List<Open> page = page(instanceId, 0, sentSince);
        Future<Map<String, ProviderOrderStatus>> asked = page.isEmpty() ? null : ask(asking, connected, page);
        while (asked != null) {
            calls++;
            Map<String, ProviderOrderStatus> statuses;
            try {
                statuses = answer(asked);
            } catch (ProviderException | RuntimeException e) {
                instances.failed(instanceId, "status", e);
                break;
            }
            List<Open> next = page(instanceId, page.getLast().id(), sentSince);
            asked = next.isEmpty() ? null : ask(asking, connected, next);
            checked += page.size();
            updated += apply(connected.instance(), page, statuses);
            page = next;
        }
        if (sentSince == null) {
            instances.touch(instanceId, "orders_synced_at");
        }
        return new Result(checked, updated, calls);
    }

    /** The next open provider orders of an instance after {@code after} (sent since {@code sentSince} if given), one status call's worth. */
    private List<Open> page(long instanceId, long after, Instant sentSince) {
        List<Object> params = new ArrayList<>(List.of(instanceId, after));
        if (sentSince != null) {
            params.add(UtcTime.column(sentSince));
        }
        params.add(SmmProvider.MAX_STATUS_BATCH);
        return jdbc.sql("SELECT id, order_id, item_id, single_item, provider_ref, provider_status, start_count, remains "
                        + "FROM provider_order WHERE instance_id = ? AND state = " + OPEN.sql() + " AND id > ?"
                        + (sentSince == null ? "" : " AND submitted_at >= ?") + " ORDER BY id LIMIT ?")
                .params(params)
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4), rs.getString(5),
                        rs.getString(6), (Long) rs.getObject(7, Long.class), (Long) rs.getObject(8, Long.class)))
                .list();
    }

    private static Future<Map<String, ProviderOrderStatus>> ask(ExecutorService asking, ProviderInstances.Connected connected,
                                                                List<Open> page) {
        List<String> refs = page.stream().map(Open::ref).toList();
        return asking.submit(() -> connected.provider().statuses(connected.context(), refs));
    }

    /** The statuses a call answered, or the failure it ended with. */
    private static Map<String, ProviderOrderStatus> answer(Future<Map<String, ProviderOrderStatus>> asked) throws ProviderException {
        try {
            Map<String, ProviderOrderStatus> statuses = asked.get();
            return statuses == null ? Map.of() : statuses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for provider statuses", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case ProviderException failure -> throw failure;
                case RuntimeException failure -> throw failure;
                case Error failure -> throw failure;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    private int apply(ProviderInstances.Instance instance, List<Open> page, Map<String, ProviderOrderStatus> statuses) {
        String actor = "provider:" + instance.name();
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        List<OrderFulfilment.Progress> simple = new ArrayList<>();
        List<OrderFulfilment.Counts> counts = new ArrayList<>();
        List<Runnable> heavy = new ArrayList<>();
        List<Object[]> attention = new ArrayList<>();
        List<Long> closed = new ArrayList<>();
        int updated = 0;
        for (Open open : page) {
            ProviderOrderStatus status = statuses.get(open.ref());
            if (status == null) {
                continue;
            }
            if (status.error() != null || status.state() == null || status.state() == ProviderOrderStatus.State.UNKNOWN) {
                String reason = instance.name() + " reports an error for order " + open.ref() + ": "
                        + (status.error() == null ? "unknown status" : status.error());
                attention.add(new Object[]{Text.cut(reason, 1000), UtcTime.column(now), open.id()});
                instances.logLine(instance.id(), "status", reason);
                updated++;
                continue;
            }
            OrderStatus target = switch (status.state()) {
                case PENDING, PROCESSING -> OrderStatus.PROCESSING;
                case IN_PROGRESS -> OrderStatus.IN_PROGRESS;
                case COMPLETED -> OrderStatus.COMPLETED;
                case PARTIAL -> OrderStatus.PARTIAL;
                case CANCELED -> OrderStatus.CANCELLED;
                case UNKNOWN -> throw new IllegalStateException();
            };
            String word = word(status.state());
            boolean changed = !word.equals(open.status()) || !Objects.equals(status.startCount(), open.startCount())
                    || !Objects.equals(status.remains(), open.remains());
            boolean done = target.isFinal();
            if (!changed && !done) {
                continue;
            }
            updated++;
            rows.add(new Object[]{open.id(), word, status.startCount(), status.remains(), status.charge()});
            counts.add(new OrderFulfilment.Counts(open.orderId(), open.itemId(), status.startCount(), status.remains()));
            String note = instance.name() + ": " + word + (status.remains() != null && status.remains() > 0
                    ? " (" + status.remains() + " remaining)" : "");
            boolean money = target == OrderStatus.PARTIAL || target == OrderStatus.CANCELLED;
            if (open.single() && !money) {
                if (!word.equals(open.status())) {
                    simple.add(new OrderFulfilment.Progress(open.orderId(), open.itemId(), target, note));
                }
                if (done) {
                    closed.add(open.id());
                }
            } else {
                heavy.add(() -> {
                    BigDecimal refund = target == OrderStatus.PARTIAL ? partialRefund(open, status.remains()) : null;
                    orders.itemProgress(open.orderId(), open.itemId(), target, refund, note, actor);
                    if (done) {
                        close(open.id(), now);
                    }
                });
            }
        }
        if (!rows.isEmpty() || !attention.isEmpty()) {
            transaction.executeWithoutResult(tx -> {
                RowValues.update(batches, "UPDATE provider_order p JOIN %s v ON p.id = v.id SET p.provider_status = v.status, "
                        + "p.start_count = v.start_count, p.remains = v.remains, p.charge = v.charge, p.checked_at = ?",
                        STATUS_COLUMNS, rows, UtcTime.column(now));
                if (!attention.isEmpty()) {
                    batches.batchUpdate("UPDATE provider_order SET state = " + ATTENTION.sql() + ", attention_reason = ?, updated_at = ? "
                            + "WHERE id = ? AND " + ATTENTION.from(OPEN), attention);
                }
                orders.progressBatch(counts, simple, actor);
                if (!closed.isEmpty()) {
                    jdbc.sql("UPDATE provider_order SET state = " + DONE.sql() + ", completed_at = :now, updated_at = :now "
                            + "WHERE id IN (:ids) AND " + DONE.from(OPEN)).param("now", UtcTime.column(now)).param("ids", closed).update();
                }
            });
        }
        for (Runnable step : heavy) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.error("Applying a provider status failed; the next sync tries again", e);
            }
        }
        return updated;
    }

    private void close(long id, Instant now) {
        jdbc.sql("UPDATE provider_order SET state = " + DONE.sql() + ", completed_at = ?, updated_at = ? WHERE id = ? AND " + DONE.from(OPEN))
                .params(UtcTime.column(now), UtcTime.column(now), id).update();
    }

    /** Line total × remains / quantity (runs included), half-up to the currency's digits. */
    private BigDecimal partialRefund(Open open, Long remains) {
        if (remains == null || remains <= 0) {
            return BigDecimal.ZERO;
        }
        return orders.serviceItems(open.orderId()).stream().filter(i -> i.itemId() == open.itemId()).findFirst()
                .map(item -> {
                    long runs = item.extras().containsKey("runs") ? Long.parseLong(item.extras().get("runs")) : 1;
                    return undeliveredShare(item.lineTotal(), item.quantity() * runs, remains, currency.digits());
                })
                .orElse(BigDecimal.ZERO);
    }

    /** The part of a line total not delivered: total × remains / ordered (remains at most what was ordered), half-up. */
    static BigDecimal undeliveredShare(BigDecimal lineTotal, long ordered, long remains, int digits) {
        long undelivered = Math.min(remains, ordered);
        return lineTotal.multiply(BigDecimal.valueOf(undelivered)).divide(BigDecimal.valueOf(ordered), digits, RoundingMode.HALF_UP);
    }

    /** Asks about refills not yet finished. */
    void refillStatuses() {
        record OpenRefill(long id, String ref, long instanceId, long orderId) {
        }
        List<OpenRefill> open = jdbc.sql("SELECT r.id, r.refill_ref, p.instance_id, p.order_id FROM provider_refill r "
                        + "JOIN provider_order p ON p.id = r.provider_order_id "
                        + "JOIN provider_instance i ON i.id = p.instance_id AND i.enabled = 1 WHERE " + RefillState.running("r.status")
                        + " ORDER BY r.id LIMIT 1000")
                .query((rs, n) -> new OpenRefill(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
        for (OpenRefill refill : open) {
            try {
                ProviderInstances.Connected connected = instances.connect(instances.instance(refill.instanceId()));
                String status = connected.provider().refillStatus(connected.context(), refill.ref());
                if (status == null || status.isBlank()) {
                    continue;
                }
                int changed = jdbc.sql("UPDATE provider_refill SET status = ?, checked_at = ? WHERE id = ? AND status <> ? AND "
                                + RefillState.running("status"))
                        .params(Text.cut(status.strip(), 40), UtcTime.column(clock.instant()), refill.id(), status.strip())
                        .update();
                if (changed > 0) {
                    orders.note(refill.orderId(), "Refill " + status.strip().toLowerCase(Locale.ROOT), "provider:" + connected.instance().name());
                }
            } catch (ProviderException | RuntimeException e) {
                instances.failed(refill.instanceId(), "refill_status", e);
            }
        }
    }

    static String word(ProviderOrderStatus.State state) {
        return switch (state) {
            case PENDING -> "Pending";
            case PROCESSING -> "Processing";
            case IN_PROGRESS -> "In progress";
            case COMPLETED -> "Completed";
            case PARTIAL -> "Partial";
            case CANCELED -> "Canceled";
            case UNKNOWN -> "Unknown";
        };
    }
}
