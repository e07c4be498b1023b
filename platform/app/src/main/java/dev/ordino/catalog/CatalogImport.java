package dev.ordino.catalog;

import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import dev.ordino.base.money.StoreCurrency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offerings created and kept in step in bulk, for services imported from providers: thousands
 * at a time, so plain JDBC with multi-row inserts rather than one entity at a time.
 * Callers check access; these run inside their transaction.
 */
@Service
public class CatalogImport {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;

    CatalogImport(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    /** A service to sell: priced per {@code pricePer} units, in the store currency. */
    public record NewService(String category, String name, String description, BigDecimal price, int pricePer, long min,
                             long max, int refillDays, boolean cancelAllowed, String serviceType, boolean dripfeed) {
    }

    /** Creates the offerings (and any missing categories, by name) and answers their ids in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> insertServices(List<NewService> services) {
        Map<String, Long> categories = categories(services.stream().map(NewService::category).toList());
        List<Long> ids = new ArrayList<>(services.size());
        var now = UtcTime.column(clock.instant());
        for (int from = 0; from < services.size(); from += CHUNK) {
            List<NewService> chunk = services.subList(from, Math.min(services.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder("INSERT INTO offering (category_id, kind, name, description, price, price_per, "
                    + "min_quantity, max_quantity, refill_days, cancel_allowed, active, created_at, version, service_type, dripfeed) VALUES ");
            List<Object> params = new ArrayList<>(chunk.size() * 14);
            for (int i = 0; i < chunk.size(); i++) {
                NewService s = chunk.get(i);
                sql.append(i == 0 ? "" : ", ").append("(?, 'SERVICE', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 0, ?, ?)");
                params.add(categories.get(key(s.category())));
                params.add(Text.cut(s.name(), 200));
                params.add(Text.cut(s.description(), 2000));
                params.add(s.price().setScale(StoreCurrency.PRICE_SCALE, RoundingMode.CEILING));
                params.add(s.pricePer());
                params.add(s.min());
                params.add(Math.max(s.min(), Math.min(s.max(), CatalogService.MAX_QUANTITY_LIMIT)));
                params.add(s.refillDays());
                params.add(s.cancelAllowed());
                params.add(now);
                params.add(Text.cut(s.serviceType(), 50));
                params.add(s.dripfeed());
            }
            sql.append(" RETURNING id");
            ids.addAll(jdbc.sql(sql.toString()).params(params).query(Long.class).list());
        }
        return ids;
    }

    /**
     * New terms for an offering from its provider: the price never drops below {@code minPrice};
     * {@code min} and {@code max} replace the quantity limits unless {@code null}.
     */
    public record Terms(long offeringId, BigDecimal minPrice, BigDecimal raiseTo, Long min, Long max) {
    }

    /**
     * Applies provider terms: quantity limits, and a price raised to {@code raiseTo} where it is
     * below {@code minPrice}. Answers the offerings whose price was raised.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> applyTerms(List<Terms> terms) {
        if (terms.isEmpty()) {
            return Set.of();
        }
        Map<Long, BigDecimal> prices = new HashMap<>();
        for (int from = 0; from < terms.size(); from += CHUNK) {
            List<Long> ids = terms.subList(from, Math.min(terms.size(), from + CHUNK)).stream().map(Terms::offeringId).toList();
            jdbc.sql("SELECT id, price FROM offering WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, n) -> prices.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        }
        Set<Long> raised = new HashSet<>();
        List<Object[]> rows = new ArrayList<>();
        for (Terms t : terms) {
            BigDecimal price = prices.get(t.offeringId());
            if (price == null) {
                continue;
            }
            if (price.compareTo(t.minPrice()) < 0) {
                price = t.raiseTo().max(t.minPrice()).setScale(StoreCurrency.PRICE_SCALE, RoundingMode.CEILING);
                raised.add(t.offeringId());
            }
            Long max = t.min() == null || t.max() == null ? null
                    : Math.max(t.min(), Math.min(t.max(), CatalogService.MAX_QUANTITY_LIMIT));
            rows.add(new Object[]{price, t.min(), max, t.offeringId()});
        }
        batches.batchUpdate("UPDATE offering SET price = ?, min_quantity = COALESCE(?, min_quantity), "
                + "max_quantity = COALESCE(?, max_quantity), version = version + 1 WHERE id = ?", rows);
        return raised;
    }

    /** How many units each offering's price is for (1 or 1000), by id, to price a provider's rates. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> pricePers(Collection<Long> offeringIds) {
        Map<Long, Integer> result = new HashMap<>();
        if (offeringIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT id, price_per FROM offering WHERE id IN (:ids)").param("ids", offeringIds)
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getInt(2));
                });
        return result;
    }

    /** Takes offerings off sale (their provider service is gone). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int deactivate(Collection<Long> offeringIds) {
        if (offeringIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE offering SET active = 0, version = version + 1 WHERE active = 1 AND id IN (:ids)")
                .param("ids", offeringIds).update();
    }

    /** Ids by {@link #key} of the named categories; the missing ones are created, all in one statement. */
    private Map<String, Long> categories(Collection<String> names) {
        Map<String, Long> byName = new HashMap<>();
        Set<String> slugs = new HashSet<>();
        jdbc.sql("SELECT id, name, slug FROM category").query((rs, n) -> {
            byName.put(key(rs.getString(2)), rs.getLong(1));
            slugs.add(rs.getString(3));
            return null;
        }).list();
        int sort = jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) FROM category").query(Integer.class).single();
        Map<String, List<Object>> missing = new LinkedHashMap<>(); // by key: new rows in the order the names come
        for (String raw : new LinkedHashSet<>(names)) {
            String name = raw == null || raw.isBlank() ? "Other" : raw.strip();
            if (byName.containsKey(key(name)) || missing.containsKey(key(name))) {
                continue;
            }
            String base = CatalogService.slugOf(name);
            base = base.length() > 90 ? base.substring(0, 90) : base;
            String slug = base;
            for (int n = 2; slugs.contains(slug); n++) {
                slug = base + "-" + n;
            }
            slugs.add(slug);
            sort += 10;
            missing.put(key(name), List.of(Text.cut(name, 100), slug, Platform.guess(name).name(), sort));
        }
        if (!missing.isEmpty()) {
            List<Object> params = new ArrayList<>(missing.size() * 4);
            missing.values().forEach(params::addAll);
            List<Long> ids = jdbc.sql("INSERT INTO category (name, slug, platform, sort_order, active, version) VALUES "
                            + String.join(", ", Collections.nCopies(missing.size(), "(?, ?, ?, ?, 1, 0)")) + " RETURNING id")
                    .params(params).query(Long.class).list();
            Iterator<Long> id = ids.iterator();
            missing.keySet().forEach(key -> byName.put(key, id.next()));
        }
        return byName;
    }

    private static String key(String name) {
        return Text.cut(name == null || name.isBlank() ? "Other" : name.strip(), 100).toLowerCase(Locale.ROOT);
    }

}
