package dev.ordino.stock;

import dev.ordino.base.UtcTime;
import dev.ordino.ordering.CodeSupply;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of {@code code_stock}. Codes change hands under row locks taken with
 * {@code FOR UPDATE SKIP LOCKED}: two buyers never wait for each other's rows and never get the
 * same one; every move is a guarded update from the states the machine allows. A reservation
 * whose time is up counts as available, so an abandoned checkout holds nothing for long, with no
 * job needed to free it.
 */
@Component
class CodeShelf implements CodeSupply {

    /** Available, or reserved by a checkout whose time is up; the parameter is now. */
    static final String TAKEABLE = "(state = " + CodeState.AVAILABLE.sql() + " OR (state = "
            + CodeState.RESERVED.sql() + " AND reserved_until < ?))";

    private final JdbcClient jdbc;
    private final CodeSecrets secrets;
    private final LowStockWatch lowStock;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CodeShelf(JdbcClient jdbc, CodeSecrets secrets, LowStockWatch lowStock, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.lowStock = lowStock;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean reserve(long offeringId, long orderId, long itemId, long count, Instant until) {
        Instant now = clock.instant();
        List<Long> free = lockTakeable(offeringId, count, now);
        if (free.size() < count) {
            return false;
        }
        move(free, CodeState.RESERVED, "order_id = ?, item_id = ?, reserved_until = ?",
                List.of(orderId, itemId, UtcTime.column(until)), CodeState.AVAILABLE, CodeState.RESERVED);
        lowStock.check(offeringId, count);
        return true;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean sell(long offeringId, long orderId, long itemId, long count, boolean takeFree) {
        long had = soldTo(itemId);
        if (had >= count) {
            return true; // a replay: the line has its codes
        }
        Instant now = clock.instant();
        List<Long> codes = new ArrayList<>(lockHeld("item_id", itemId, count - had));
        long freed = 0;
        if (codes.size() < count - had && takeFree) {
            List<Long> free = lockTakeable(offeringId, count - had - codes.size(), now);
            freed = free.size();
            codes.addAll(free);
        }
        if (codes.size() < count - had) {
            return false;
        }
        move(codes, CodeState.SOLD, "order_id = ?, item_id = ?, reserved_until = NULL, sold_at = ?",
                List.of(orderId, itemId, UtcTime.column(now)), CodeState.AVAILABLE, CodeState.RESERVED);
        lowStock.check(offeringId, freed);
        return true;
    }

    /** How many codes an order line holds bought. */
    long soldTo(long itemId) {
        return jdbc.sql("SELECT COUNT(*) FROM code_stock WHERE item_id = ? AND state = " + CodeState.SOLD.sql())
                .param(itemId).query(Long.class).single();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long orderId) {
        List<Long> held = lockHeld("order_id", orderId, Long.MAX_VALUE);
        if (!held.isEmpty()) {
            List<Object> params = new ArrayList<>(held);
            List<Long> offerings = jdbc.sql("SELECT DISTINCT offering_id FROM code_stock WHERE id IN ("
                    + String.join(", ", Collections.nCopies(held.size(), "?")) + ")").params(params).query(Long.class).list();
            move(held, CodeState.AVAILABLE, "order_id = NULL, item_id = NULL, reserved_until = NULL", List.of(),
                    CodeState.RESERVED);
            // Codes back in stock are stock arriving: lines waiting for them are served first.
            offerings.forEach(offering -> events.publishEvent(new CodesAdded(offering, 0)));
        }
    }

    /**
     * The codes reserved for an order or a line, locked. Found by a plain read and locked by
     * primary key: a locking read through the order or item index would lock the gap at its end,
     * where every new sale writes, and concurrent buyers would deadlock on it. A row taken
     * meanwhile by someone else (its hold was over) no longer matches and is left out.
     */
    private List<Long> lockHeld(String column, long value, long limit) {
        List<Long> ids = jdbc.sql("SELECT id FROM code_stock WHERE " + column + " = ? AND state = " + CodeState.RESERVED.sql()
                + " ORDER BY id LIMIT ?").params(value, limit).query(Long.class).list();
        if (ids.isEmpty()) {
            return ids;
        }
        List<Object> params = new ArrayList<>(ids);
        params.add(value);
        return jdbc.sql("SELECT id FROM code_stock FORCE INDEX (PRIMARY) WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                        + ") AND " + column + " = ? AND state = " + CodeState.RESERVED.sql() + " ORDER BY id FOR UPDATE SKIP LOCKED")
                .params(params).query(Long.class).list();
    }

    @Override
    public Map<Long, List<String>> sold(long orderId) {
        Map<Long, List<String>> codes = new LinkedHashMap<>();
        jdbc.sql("SELECT item_id, secret FROM code_stock WHERE order_id = ? AND state = " + CodeState.SOLD.sql() + " ORDER BY id")
                .param(orderId)
                .query((rs, n) -> codes.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(secrets.open(rs.getString(2))))
                .list();
        return codes;
    }

    /** New codes, already checked: [sealed, fingerprint] each. A code stored meanwhile by another upload is skipped. */
    @Transactional(propagation = Propagation.MANDATORY)
    int add(long offeringId, List<String[]> sealed) {
        var now = UtcTime.column(clock.instant());
        int added = 0;
        for (int from = 0; from < sealed.size(); from += 1000) {
            List<String[]> chunk = sealed.subList(from, Math.min(sealed.size(), from + 1000));
            List<Object> params = new ArrayList<>();
            chunk.forEach(s -> params.addAll(List.of(offeringId, s[0], s[1], now)));
            added += jdbc.sql("INSERT IGNORE INTO code_stock (offering_id, secret, fingerprint, state, added_at) VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(),
                            "(?, ?, ?, " + CodeState.AVAILABLE.sql() + ", ?)")))
                    .params(params).update();
        }
        lowStock.recheck(offeringId);
        return added;
    }

    /** Which of these fingerprints the offering's stock holds already. */
    List<String> known(long offeringId, List<String> fingerprints) {
        List<String> known = new ArrayList<>();
        for (int from = 0; from < fingerprints.size(); from += 1000) {
            known.addAll(jdbc.sql("SELECT fingerprint FROM code_stock WHERE offering_id = :offering AND fingerprint IN (:prints)")
                    .param("offering", offeringId)
                    .param("prints", fingerprints.subList(from, Math.min(fingerprints.size(), from + 1000)))
                    .query(String.class).list());
        }
        return known;
    }

    /** A code, under its row lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Code> lock(long codeId) {
        return jdbc.sql("SELECT id, offering_id, state, order_id, item_id, secret FROM code_stock WHERE id = ? FOR UPDATE")
                .param(codeId).query((rs, n) -> new Code(rs.getLong(1), rs.getLong(2), CodeState.parse(rs.getString(3)),
                        (Long) rs.getObject(4), (Long) rs.getObject(5), rs.getString(6))).optional();
    }

    record Code(long id, long offeringId, CodeState state, Long orderId, Long itemId, String secret) {
    }

    /** Voids a code that is not sold yet, or that was sold (staff replace it). */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean voidCode(long codeId) {
        return jdbc.sql("UPDATE code_stock SET state = " + CodeState.VOID.sql() + ", reserved_until = NULL WHERE id = ? AND state IN ("
                        + CodeState.AVAILABLE.sql() + ", " + CodeState.RESERVED.sql() + ", " + CodeState.SOLD.sql() + ")")
                .param(codeId).update() == 1;
    }

    /** Counts per state; a reservation whose time is up counts as available. */
    Map<CodeState, Long> counts(long offeringId) {
        Map<CodeState, Long> counts = new EnumMap<>(CodeState.class);
        for (CodeState state : CodeState.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("SELECT CASE WHEN state = " + CodeState.RESERVED.sql() + " AND reserved_until < ? THEN "
                        + CodeState.AVAILABLE.sql() + " ELSE state END AS s, COUNT(*) FROM code_stock WHERE offering_id = ? GROUP BY s")
                .params(UtcTime.column(clock.instant()), offeringId)
                .query((rs, n) -> counts.put(CodeState.parse(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    private List<Long> lockTakeable(long offeringId, long count, Instant now) {
        return jdbc.sql("SELECT id FROM code_stock WHERE offering_id = ? AND " + TAKEABLE
                        + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(offeringId, UtcTime.column(now), count).query(Long.class).list();
    }

    private void move(List<Long> ids, CodeState to, String set, List<Object> values, CodeState... from) {
        String guard = from.length == 1 ? to.from(from[0]) : to.from(from[0], from[1]);
        List<Object> params = new ArrayList<>(values);
        params.addAll(ids);
        jdbc.sql("UPDATE code_stock SET state = " + to.sql() + ", " + set + " WHERE id IN ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") AND " + guard)
                .params(params).update();
    }
}
