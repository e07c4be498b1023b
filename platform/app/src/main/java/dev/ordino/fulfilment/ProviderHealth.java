package dev.ordino.fulfilment;

import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import dev.ordino.base.alerts.AdminAlerts;
import dev.ordino.plugin.PluginCallFailed;
import dev.ordino.plugin.PluginCalls;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A provider instance's health as stored on its row ({@code ok}, {@code slow}, {@code failing},
 * {@code hanging}; {@code unknown} before the first call), its error log and the staff alerts:
 * one alert while an instance is failing or hanging, resolved when a call succeeds again.
 */
@Component
class ProviderHealth {

    private static final Logger log = LoggerFactory.getLogger(ProviderHealth.class);
    static final int LOG_KEPT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AdminAlerts alerts;

    ProviderHealth(JdbcClient jdbc, Clock clock, AdminAlerts alerts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.alerts = alerts;
    }

    /** What the plugin boundary saw of one call into the instance. */
    PluginCalls.HealthSink sink(long instanceId, String name) {
        return (health, reason) -> {
            switch (health) {
                case OK -> healthy(instanceId);
                case SLOW -> jdbc.sql("UPDATE provider_instance SET health = 'slow' WHERE id = ? AND health <> 'slow'")
                        .param(instanceId).update();
                case FAILING, HANGING -> unhealthy(instanceId, name, health.word(), reason);
            }
        };
    }

    /** Records a failed call: health, last error, a line in the instance's log. */
    void failed(long instanceId, String action, Exception e) {
        String message = ProviderInstances.describe(e);
        log.warn("Provider instance {} {} failed: {}", instanceId, action, message);
        if (e instanceof PluginCallFailed refused && (refused.reason() == PluginCallFailed.Reason.BUSY
                || refused.reason() == PluginCallFailed.Reason.STOPPING)) {
            // Counted by the boundary; a storm of refusals leaves the database alone, and a node that is
            // stopping says nothing about the provider's health.
            return;
        }
        if (!(e instanceof PluginCallFailed)) { // the boundary has stored what it saw already
            jdbc.sql("UPDATE provider_instance SET health = 'failing', last_error = ? WHERE id = ?")
                    .params(Text.cut(message, 1000), instanceId).update();
        }
        logLine(instanceId, action, message);
    }

    void healthy(long instanceId) {
        int changed = jdbc.sql("UPDATE provider_instance SET health = 'ok', last_error = NULL WHERE id = ? AND health <> 'ok'")
                .param(instanceId).update();
        if (changed > 0) {
            resolveAlert(alertKey(instanceId));
        }
    }

    private void unhealthy(long instanceId, String name, String word, String reason) {
        jdbc.sql("UPDATE provider_instance SET health = ?, last_error = ? WHERE id = ?").params(word, Text.cut(reason, 1000), instanceId)
                .update();
        if (raiseAlert(alertKey(instanceId), "Provider " + name + " is " + word + ": " + reason)) {
            log.warn("Provider {} turned {}: {}", name, word, reason);
        }
    }

    private static String alertKey(long instanceId) {
        return "provider-health:" + instanceId;
    }

    /** A line in the instance's error log, best effort: losing one never fails the call that failed. */
    void logLine(long instanceId, String action, String message) {
        try {
            appendLogLine(instanceId, action, message);
        } catch (DataAccessException e) {
            log.warn("Provider instance {} log line not written: {}", instanceId, e.getMessage());
        }
    }

    private void appendLogLine(long instanceId, String action, String message) {
        jdbc.sql("INSERT INTO provider_log (instance_id, at, action, message) VALUES (?, ?, ?, ?)")
                .params(instanceId, UtcTime.column(clock.instant()), action, Text.cut(message, 1000)).update();
        jdbc.sql("DELETE FROM provider_log WHERE instance_id = ? AND id < (SELECT MIN(id) FROM (SELECT id FROM provider_log "
                + "WHERE instance_id = ? ORDER BY id DESC LIMIT " + LOG_KEPT + ") kept)").params(instanceId, instanceId).update();
    }

    boolean raiseAlert(String key, String message) {
        return alerts.raise(key, message);
    }

    void resolveAlert(String key) {
        alerts.resolve(key);
    }
}
