package dev.ordino.fulfilment;

import dev.ordino.base.UtcTime;
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

    /** Checks every open provider order once. */
    public Result syncAll() {
        int checked = 0;
        int updated = 0;
        int calls = 0;
        List<Long> withOpen = jdbc.sql("SELECT DISTINCT instance_id FROM provider_order WHERE state = 'open'").query(Long.class).list();
        for (long instanceId : withOpen) {
            ProviderInstances.Connected connected;
            try {
                connected = instances.connect(instances.instance(instanceId));
            } catch (RuntimeException e) {
                instances.failed(instanceId, "status", e);
                continue;
            }
            long after = 0;
            while (true) {
                List<Open> page = jdbc.sql("SELECT id, order_id, item_id, single_item, provider_ref, provider_status, start_count, "
                                + "remains FROM provider_order WHERE instance_id = ? AND state = 'open' AND id > ? ORDER BY id LIMIT ?")
                        .params(instanceId, after, SmmProvider.MAX_STATUS_BATCH)
                        .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4), rs.getString(5),
                                rs.getString(6), (Long) rs.getObject(7, Long.class), (Long) rs.getObject(8, Long.class)))
                        .list();
                if (page.isEmpty()) {
                    break;
                }
                after = page.getLast().id();
                Map<String, ProviderOrderStatus> statuses;
                try {
                    calls++;
                    statuses = connected.provider().statuses(connected.context(), page.stream().map(Open::ref).toList());
                } catch (ProviderException | RuntimeException e) {
                    instances.failed(instanceId, "status", e);
                    break;
                }
                checked += page.size();
                updated += apply(connected.instance(), page, statuses == null ? Map.of() : statuses);
            }
            instances.touch(instanceId, "orders_synced_at");
        }
        refillStatuses();
        return new Result(checked, updated, calls);
    }

    private int apply(ProviderInstances.Instance instance, List<Open> page, Map<String, ProviderOrderStatus> statuses) {
        String actor = "provider:" + instance.name();
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        List<OrderFulfilment.Progress> simple = new ArrayList<>();
        List<OrderFulfilment.Counts> counts = new ArrayList<>();
        List<Runnable> heavy = new ArrayList<>();
        List<Object[]> attention = new ArrayList<>();
        int updated = 0;
        for (Open open : page) {
            ProviderOrderStatus status = statuses.get(open.ref());
            if (status == null) {
                continue;
            }
            if (status.error() != null || status.state() == null || status.state() == ProviderOrderStatus.State.UNKNOWN) {
                String reason = instance.name() + " reports an error for order " + open.ref() + ": "
                        + (status.error() == null ? "unknown status" : status.error());
                attention.add(new Object[]{ProviderInstances.cut(reason, 1000), UtcTime.column(now), open.id()});
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
            rows.add(new Object[]{word, status.startCount(), status.remains(), status.charge(), UtcTime.column(now), open.id()});
            counts.add(new OrderFulfilment.Counts(open.orderId(), open.itemId(), status.startCount(), status.remains()));
            String note = instance.name() + ": " + word + (status.remains() != null && status.remains() > 0
                    ? " (" + status.remains() + " remaining)" : "");
            boolean money = target == OrderStatus.PARTIAL || target == OrderStatus.CANCELLED;
            if (open.single() && !money) {
                if (!word.equals(open.status())) {
                    simple.add(new OrderFulfilment.Progress(open.orderId(), open.itemId(), target, note));
                }
                if (done) {
                    heavy.add(() -> close(open.id(), now));
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
        transaction.executeWithoutResult(tx -> {
            batches.batchUpdate("UPDATE provider_order SET provider_status = ?, start_count = ?, remains = ?, charge = ?, checked_at = ? "
                    + "WHERE id = ?", rows);
            batches.batchUpdate("UPDATE provider_order SET state = 'attention', attention_reason = ?, updated_at = ? WHERE id = ? "
                    + "AND state = 'open'", attention);
            orders.counts(counts); // locks the page's orders first, in id order
            orders.progressBatch(simple, actor);
        });
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
        jdbc.sql("UPDATE provider_order SET state = 'done', completed_at = ?, updated_at = ? WHERE id = ? AND state = 'open'")
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
                    long ordered = item.quantity() * runs;
                    long undelivered = Math.min(remains, ordered);
                    return item.lineTotal().multiply(BigDecimal.valueOf(undelivered))
                            .divide(BigDecimal.valueOf(ordered), currency.digits(), RoundingMode.HALF_UP);
                })
                .orElse(BigDecimal.ZERO);
    }

    /** Asks about refills not yet finished. */
    void refillStatuses() {
        record OpenRefill(long id, String ref, long instanceId, long orderId) {
        }
        List<OpenRefill> open = jdbc.sql("SELECT r.id, r.refill_ref, p.instance_id, p.order_id FROM provider_refill r "
                        + "JOIN provider_order p ON p.id = r.provider_order_id WHERE LOWER(r.status) NOT IN "
                        + "('completed', 'rejected', 'canceled', 'cancelled', 'error', 'fail') ORDER BY r.id LIMIT 1000")
                .query((rs, n) -> new OpenRefill(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
        for (OpenRefill refill : open) {
            try {
                ProviderInstances.Connected connected = instances.connect(instances.instance(refill.instanceId()));
                String status = connected.provider().refillStatus(connected.context(), refill.ref());
                if (status == null || status.isBlank()) {
                    continue;
                }
                int changed = jdbc.sql("UPDATE provider_refill SET status = ?, checked_at = ? WHERE id = ? AND status <> ?")
                        .params(ProviderInstances.cut(status.strip(), 40), UtcTime.column(clock.instant()), refill.id(), status.strip())
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
