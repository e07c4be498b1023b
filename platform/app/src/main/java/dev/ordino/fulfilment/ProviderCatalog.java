package dev.ordino.fulfilment;

import dev.ordino.base.Text;
import dev.ordino.base.DomainException;
import dev.ordino.base.UtcTime;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.CatalogImport;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.plugin.PluginCallFailed;
import dev.ordino.plugin.PluginCalls;
import dev.ordino.plugin.api.ProviderException;
import dev.ordino.plugin.api.ProviderService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Providers' services in the catalog: import with a markup, the daily sync of rates and
 * limits, and which provider services fulfil an offering (in the order failover follows).
 * Price per 1000 = rate × conversion × (1 + markup), kept to 4 decimals and rounded up, so an
 * offering is never sold below what its provider charges.
 */
@Service
public class ProviderCatalog {

    static final int PER = 1000;
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final int REFILL_DAYS = 30;

    private final ProviderInstances instances;
    private final CatalogImport catalogImport;
    private final CatalogService catalog;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ProviderCatalog(ProviderInstances instances, CatalogImport catalogImport, CatalogService catalog, JdbcClient jdbc,
                    JdbcTemplate batches, Clock clock, PlatformTransactionManager transactions) {
        this.instances = instances;
        this.catalogImport = catalogImport;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The services a provider lists now. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<ProviderService> services(long instanceId) {
        return fetch(instances.connect(instances.instance(instanceId), PluginCalls.Kind.ADMIN), "services");
    }

    /** An offering created from a provider service. */
    public record Imported(long offeringId, String serviceId, String name, BigDecimal price, int pricePer) {
    }

    /**
     * Imports services as offerings priced with the markup (the instance's when {@code null}).
     * Services already imported from this instance are skipped, so importing twice adds nothing.
     *
     * @throws DomainException {@code unknown_service} (400) naming ids the provider does not list
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Imported> importServices(long instanceId, Collection<String> serviceIds, boolean all, BigDecimal markupPercent) {
        return importAs(instanceId, serviceIds, all, markupPercent);
    }

    List<Imported> importAs(long instanceId, Collection<String> serviceIds, boolean all, BigDecimal markupPercent) {
        ProviderInstances.Instance instance = instances.instance(instanceId);
        BigDecimal markup = markupPercent == null ? instance.markupPercent() : markupPercent;
        if (markup.signum() < 0 || markup.compareTo(new BigDecimal("1000")) > 0 || markup.stripTrailingZeros().scale() > 2) {
            throw DomainException.badRequest("invalid_markup", "markupPercent", "Markup must be between 0 and 1000 %", 0, 1000);
        }
        if (!all && (serviceIds == null || serviceIds.isEmpty())) {
            throw DomainException.badRequest("services_required", "services", "Choose services to import, or all");
        }
        List<ProviderService> listed = fetch(instances.connect(instance, PluginCalls.Kind.ADMIN), "import");
        Map<String, ProviderService> byId = new LinkedHashMap<>();
        listed.forEach(s -> byId.put(s.id(), s));
        List<ProviderService> wanted = new ArrayList<>();
        if (all) {
            wanted.addAll(byId.values());
        } else {
            List<String> unknown = new ArrayList<>();
            for (String id : new LinkedHashSet<>(serviceIds)) {
                ProviderService service = id == null ? null : byId.get(id.strip());
                if (service == null) {
                    unknown.add(String.valueOf(id));
                } else {
                    wanted.add(service);
                }
            }
            if (!unknown.isEmpty()) {
                throw DomainException.badRequest("unknown_service", "services",
                        "The provider does not list " + String.join(", ", unknown.subList(0, Math.min(10, unknown.size()))),
                        String.join(",", unknown));
            }
        }
        Set<String> mapped = new HashSet<>(jdbc.sql("SELECT service_id FROM offering_provider WHERE instance_id = ?")
                .param(instanceId).query(String.class).list());
        List<ProviderService> fresh = wanted.stream().filter(s -> !mapped.contains(s.id())).toList();
        List<Imported> result = transaction.execute(status -> insert(instance, fresh, markup));
        instances.touch(instanceId, "services_synced_at");
        return result;
    }

    private List<Imported> insert(ProviderInstances.Instance instance, List<ProviderService> services, BigDecimal markup) {
        List<CatalogImport.NewService> rows = new ArrayList<>(services.size());
        for (ProviderService s : services) {
            rows.add(new CatalogImport.NewService(s.category() == null || s.category().isBlank() ? "Other" : s.category(),
                    s.name(), null, price(s.rate(), instance.conversionRate(), markup), PER, Math.max(1, s.min()),
                    Math.max(Math.max(1, s.min()), s.max()), s.refill() ? REFILL_DAYS : 0, s.cancel(), s.type(), s.dripfeed()));
        }
        List<Long> ids = catalogImport.insertServices(rows);
        List<Object[]> mappings = new ArrayList<>(services.size());
        List<Imported> imported = new ArrayList<>(services.size());
        var now = UtcTime.column(clock.instant());
        for (int i = 0; i < services.size(); i++) {
            ProviderService s = services.get(i);
            mappings.add(new Object[]{ids.get(i), instance.id(), s.id(), 0, Text.cut(s.name(), 300),
                    Text.cut(s.type(), 50), s.rate(), Math.max(1, s.min()), Math.max(Math.max(1, s.min()), s.max()),
                    s.refill(), s.cancel(), s.dripfeed(), now});
            imported.add(new Imported(ids.get(i), s.id(), s.name(), rows.get(i).price(), PER));
        }
        batches.batchUpdate("INSERT INTO offering_provider (offering_id, instance_id, service_id, preference, service_name, "
                + "service_type, rate, min_quantity, max_quantity, refill, cancel, dripfeed, synced_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", mappings);
        return imported;
    }

    /** What a sync changed. */
    public record SyncResult(int updated, int disabled, int priceRises) {
    }

    /**
     * Brings the offerings mapped to this instance in step with its service list: rates and
     * limits updated, rises flagged, vanished services' offerings taken off sale (unless another
     * provider still fulfils them), and no offering left priced below its provider cost.
     *
     * @param progress told the share done, 0 to 1
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public SyncResult syncServices(long instanceId, DoubleConsumer progress) {
        return sync(instanceId, progress);
    }

    /** The same, for the scheduled job. */
    SyncResult sync(long instanceId, DoubleConsumer progress) {
        ProviderInstances.Instance instance = instances.instance(instanceId);
        progress.accept(0.05);
        List<ProviderService> listed = fetch(instances.connect(instance), "sync-services");
        progress.accept(0.4);
        Map<String, ProviderService> byId = new HashMap<>();
        listed.forEach(s -> byId.put(s.id(), s));
        record Row(long id, long offeringId, String serviceId, int preference, BigDecimal rate, long min, long max,
                   boolean vanished, int pricePer) {
        }
        List<Row> mapped = jdbc.sql("SELECT m.id, m.offering_id, m.service_id, m.preference, m.rate, m.min_quantity, m.max_quantity, "
                        + "m.vanished FROM offering_provider m WHERE m.instance_id = ?")
                .param(instanceId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5),
                        rs.getLong(6), rs.getLong(7), rs.getBoolean(8), 0))
                .list();
        // The offering's price unit is the catalog's: asked for all mapped offerings at once.
        Map<Long, Integer> pricePers = catalogImport.pricePers(mapped.stream().map(Row::offeringId).collect(Collectors.toSet()));
        List<Row> rows = mapped.stream().filter(r -> pricePers.containsKey(r.offeringId()))
                .map(r -> new Row(r.id(), r.offeringId(), r.serviceId(), r.preference(), r.rate(), r.min(), r.max(), r.vanished(),
                        pricePers.get(r.offeringId())))
                .toList();
        Map<Long, Integer> primary = primaryPreference(rows.stream().map(Row::offeringId).distinct().toList());
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> vanish = new ArrayList<>();
        Set<Long> vanishedOfferings = new HashSet<>();
        List<CatalogImport.Terms> terms = new ArrayList<>();
        int rises = 0;
        var now = UtcTime.column(clock.instant());
        for (Row row : rows) {
            ProviderService s = byId.get(row.serviceId());
            if (s == null) {
                if (!row.vanished()) {
                    vanish.add(new Object[]{now, row.id()});
                    vanishedOfferings.add(row.offeringId());
                }
                continue;
            }
            long min = Math.max(1, s.min());
            long max = Math.max(min, s.max());
            boolean rose = s.rate().compareTo(row.rate()) > 0;
            if (s.rate().compareTo(row.rate()) != 0 || min != row.min() || max != row.max() || row.vanished()) {
                updates.add(new Object[]{s.rate(), rose, row.rate(), min, max, s.refill(), s.cancel(), s.dripfeed(),
                        Text.cut(s.name(), 300), now, row.id()});
                rises += rose ? 1 : 0;
            }
            BigDecimal cost = cost(s.rate(), instance.conversionRate(), row.pricePer());
            BigDecimal raised = marked(s.rate(), instance, row.pricePer());
            boolean isPrimary = Integer.valueOf(row.preference()).equals(primary.get(row.offeringId()));
            terms.add(new CatalogImport.Terms(row.offeringId(), cost, raised, isPrimary ? min : null, isPrimary ? max : null));
        }
        progress.accept(0.6);
        int priceRises = rises;
        SyncResult result = transaction.execute(status -> {
            batches.batchUpdate("UPDATE offering_provider SET rate = ?, previous_rate = CASE WHEN ? THEN ? ELSE previous_rate END, "
                    + "min_quantity = ?, max_quantity = ?, refill = ?, cancel = ?, dripfeed = ?, service_name = ?, vanished = 0, "
                    + "synced_at = ? WHERE id = ?", updates);
            batches.batchUpdate("UPDATE offering_provider SET vanished = 1, synced_at = ? WHERE id = ?", vanish);
            int disabled = 0;
            if (!vanishedOfferings.isEmpty()) {
                Set<Long> stillServed = new HashSet<>(jdbc.sql(
                                "SELECT DISTINCT offering_id FROM offering_provider WHERE vanished = 0 AND offering_id IN (:ids)")
                        .param("ids", vanishedOfferings).query(Long.class).list());
                List<Long> gone = vanishedOfferings.stream().filter(id -> !stillServed.contains(id)).toList();
                disabled = catalogImport.deactivate(gone);
            }
            catalogImport.applyTerms(terms);
            return new SyncResult(updates.size(), disabled, priceRises);
        });
        instances.touch(instanceId, "services_synced_at");
        instances.healthy(instanceId);
        progress.accept(1.0);
        return result;
    }

    /** One provider service mapped to an offering. */
    public record Mapping(long providerId, String providerName, String serviceId, String serviceName, BigDecimal rate,
                          BigDecimal previousRate, long min, long max, boolean refill, boolean cancel, boolean vanished,
                          int preference) {
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<Mapping> mappings(long offeringId) {
        return mappingsOf(offeringId);
    }

    List<Mapping> mappingsOf(long offeringId) {
        return jdbc.sql("SELECT m.instance_id, i.name, m.service_id, m.service_name, m.rate, m.previous_rate, m.min_quantity, "
                        + "m.max_quantity, m.refill, m.cancel, m.vanished, m.preference FROM offering_provider m "
                        + "JOIN provider_instance i ON i.id = m.instance_id WHERE m.offering_id = ? ORDER BY m.preference, m.id")
                .param(offeringId)
                .query((rs, n) -> new Mapping(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9),
                        rs.getBoolean(10), rs.getBoolean(11), rs.getInt(12)))
                .list();
    }

    /** A provider service to map, in order of preference. */
    public record MappingForm(Long providerId, String serviceId) {
    }

    /**
     * Replaces the provider services that fulfil an offering, first preferred first. Every
     * service is checked against its provider's list; the offering's price is raised if it
     * would otherwise be below one of their costs.
     *
     * @throws DomainException {@code not_a_service}, {@code unknown_provider}, {@code unknown_service}, {@code duplicate_mapping}
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Mapping> setMappings(long offeringId, List<MappingForm> forms) {
        OfferingView offering = catalog.offering(offeringId)
                .orElseThrow(() -> DomainException.notFound("product_not_found", "No such product"));
        if (offering.kind() != OfferingKind.SERVICE) {
            throw DomainException.badRequest("not_a_service", "id", "Only SMM services can be fulfilled by providers");
        }
        List<MappingForm> list = forms == null ? List.of() : forms;
        if (list.size() > 20) {
            throw DomainException.badRequest("too_many_mappings", "providers", "At most 20 provider services", 20);
        }
        Map<Long, ProviderInstances.Instance> byInstance = new HashMap<>();
        Map<Long, Map<String, ProviderService>> listed = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (MappingForm form : list) {
            if (form == null || form.providerId() == null || form.serviceId() == null || form.serviceId().isBlank()) {
                throw DomainException.badRequest("mapping_incomplete", "providers", "Each entry needs providerId and serviceId");
            }
            if (!seen.add(form.providerId() + "/" + form.serviceId().strip())) {
                throw DomainException.badRequest("duplicate_mapping", "providers", "A provider service is listed twice");
            }
            ProviderInstances.Instance instance = byInstance.computeIfAbsent(form.providerId(), id -> {
                try {
                    return instances.instance(id);
                } catch (DomainException e) {
                    throw DomainException.badRequest("unknown_provider", "providerId", "No such provider: " + id, id);
                }
            });
            Map<String, ProviderService> services = listed.computeIfAbsent(instance.id(), id -> {
                Map<String, ProviderService> map = new HashMap<>();
                fetch(instances.connect(instance, PluginCalls.Kind.ADMIN), "services").forEach(s -> map.put(s.id(), s));
                return map;
            });
            if (!services.containsKey(form.serviceId().strip())) {
                throw DomainException.badRequest("unknown_service", "serviceId",
                        instance.name() + " does not list service " + form.serviceId(), form.serviceId());
            }
        }
        var now = UtcTime.column(clock.instant());
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM offering_provider WHERE offering_id = ?").param(offeringId).update();
            List<CatalogImport.Terms> terms = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                MappingForm form = list.get(i);
                ProviderInstances.Instance instance = byInstance.get(form.providerId());
                ProviderService s = listed.get(instance.id()).get(form.serviceId().strip());
                long min = Math.max(1, s.min());
                long max = Math.max(min, s.max());
                jdbc.sql("INSERT INTO offering_provider (offering_id, instance_id, service_id, preference, service_name, service_type, "
                                + "rate, min_quantity, max_quantity, refill, cancel, dripfeed, synced_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(offeringId, instance.id(), s.id(), i, Text.cut(s.name(), 300),
                                Text.cut(s.type(), 50), s.rate(), min, max, s.refill(), s.cancel(), s.dripfeed(), now)
                        .update();
                BigDecimal raised = marked(s.rate(), instance, offering.pricePer());
                terms.add(new CatalogImport.Terms(offeringId, cost(s.rate(), instance.conversionRate(), offering.pricePer()),
                        raised, null, null));
            }
            catalogImport.applyTerms(terms);
        });
        return mappingsOf(offeringId);
    }

    /** Enabled provider services that fulfil an offering, first preferred first. */
    record Route(long instanceId, String serviceId, boolean refill, boolean cancel) {
    }

    List<Route> routes(long offeringId) {
        return jdbc.sql("SELECT m.instance_id, m.service_id, m.refill, m.cancel FROM offering_provider m "
                        + "JOIN provider_instance i ON i.id = m.instance_id "
                        + "WHERE m.offering_id = ? AND m.vanished = 0 AND i.enabled = 1 ORDER BY m.preference, i.priority, m.id")
                .param(offeringId)
                .query((rs, n) -> new Route(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
                .list();
    }

    private Map<Long, Integer> primaryPreference(List<Long> offeringIds) {
        Map<Long, Integer> result = new HashMap<>();
        for (int from = 0; from < offeringIds.size(); from += 1000) {
            jdbc.sql("SELECT offering_id, MIN(preference) FROM offering_provider WHERE offering_id IN (:ids) GROUP BY offering_id")
                    .param("ids", offeringIds.subList(from, Math.min(offeringIds.size(), from + 1000)))
                    .query((rs, n) -> result.put(rs.getLong(1), rs.getInt(2))).list();
        }
        return result;
    }

    private List<ProviderService> fetch(ProviderInstances.Connected connected, String action) {
        try {
            List<ProviderService> services = connected.provider().services(connected.context());
            return services == null ? List.of() : services.stream()
                    .filter(s -> s != null && s.id() != null && s.rate() != null && s.rate().signum() >= 0).toList();
        } catch (ProviderException | RuntimeException e) {
            instances.failed(connected.instance().id(), action, e);
            if (e instanceof PluginCallFailed boundary) {
                throw boundary; // busy, past its deadline or a plugin error: its own problem code
            }
            throw new DomainException(e instanceof ProviderException.Unreachable ? 503 : 502, "provider_error", null,
                    ProviderInstances.describe(e));
        }
    }

    /** Price per 1000 in the store currency: rate × conversion × (1 + markup %), 4 decimals, rounded up. */
    static BigDecimal price(BigDecimal rate, BigDecimal conversion, BigDecimal markupPercent) {
        return rate.multiply(conversion).multiply(BigDecimal.ONE.add(markupPercent.divide(HUNDRED, 6, RoundingMode.UNNECESSARY)))
                .setScale(StoreCurrency.PRICE_SCALE, RoundingMode.CEILING);
    }

    /** The instance's marked-up price for {@code pricePer} units, rounded up: what a price below cost is raised to. */
    private static BigDecimal marked(BigDecimal rate, ProviderInstances.Instance instance, int pricePer) {
        return price(rate, instance.conversionRate(), instance.markupPercent()).multiply(BigDecimal.valueOf(pricePer))
                .divide(BigDecimal.valueOf(PER), StoreCurrency.PRICE_SCALE, RoundingMode.CEILING);
    }

    /** What the provider charges for {@code pricePer} units, in the store currency, rounded up. */
    static BigDecimal cost(BigDecimal rate, BigDecimal conversion, int pricePer) {
        return rate.multiply(conversion).multiply(BigDecimal.valueOf(pricePer))
                .divide(BigDecimal.valueOf(PER), StoreCurrency.PRICE_SCALE, RoundingMode.CEILING);
    }
}
