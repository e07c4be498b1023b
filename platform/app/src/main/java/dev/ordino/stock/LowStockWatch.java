package dev.ordino.stock;

import dev.ordino.base.UtcTime;
import dev.ordino.base.alerts.AdminAlerts;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingView;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells staff when a digital offering runs low: once as the available codes cross its threshold
 * (a {@link LowStock} event and a back-office alert), and the alert is resolved when new codes
 * lift it above again.
 */
@Component
class LowStockWatch {

    private final JdbcClient jdbc;
    private final CatalogService catalog;
    private final AdminAlerts alerts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LowStockWatch(JdbcClient jdbc, CatalogService catalog, AdminAlerts alerts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.alerts = alerts;
        this.events = events;
        this.clock = clock;
    }

    /** {@code taken} codes just left the available stock. */
    void check(long offeringId, long taken) {
        if (taken <= 0) {
            return;
        }
        OfferingView offering = catalog.offering(offeringId).orElse(null);
        if (offering == null || offering.lowStockThreshold() == null) {
            return;
        }
        long left = available(offeringId);
        int threshold = offering.lowStockThreshold();
        if (left <= threshold && left + taken > threshold) {
            events.publishEvent(new LowStock(offeringId, offering.name(), left, threshold));
            alerts.raise(key(offeringId), offering.name() + ": " + left + " codes left (threshold " + threshold + ")");
        }
    }

    /** New codes arrived: the alert goes once the stock is above the threshold. */
    void recheck(long offeringId) {
        OfferingView offering = catalog.offering(offeringId).orElse(null);
        if (offering != null && (offering.lowStockThreshold() == null || available(offeringId) > offering.lowStockThreshold())) {
            alerts.resolve(key(offeringId));
        }
    }

    private long available(long offeringId) {
        return jdbc.sql("SELECT COUNT(*) FROM code_stock WHERE offering_id = ? AND " + CodeShelf.TAKEABLE)
                .params(offeringId, UtcTime.column(clock.instant())).query(Long.class).single();
    }

    private static String key(long offeringId) {
        return "low-stock:" + offeringId;
    }
}
