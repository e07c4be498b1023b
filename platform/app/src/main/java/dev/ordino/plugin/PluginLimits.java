package dev.ordino.plugin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the host waits for plugin code, and how much of it may run at once
 * ({@code ordino.plugins.*}, e.g. {@code ORDINO_PLUGINS_ADMIN_CALL_TIMEOUT=PT30S}).
 *
 * @param adminCallTimeout        calls staff wait for on a page or the admin API: balance, import, services, test connection
 * @param customerCallTimeout     calls a customer or a gateway waits for: payment start, webhooks, refill, cancel
 * @param jobCallTimeout          calls from the jobs (sending orders, status and service syncs, reconciliation): keep it
 *                                above the longest HTTP timeout a provider or gateway is configured with
 * @param notificationCallTimeout one notification through one channel
 * @param slowCall                a call that succeeds but takes longer than this marks the instance slow
 * @param threadsPerInstance      calls into one configured instance running at once (its bulkhead)
 * @param queuePerInstance        calls waiting for one of those threads; more are refused at once ("busy")
 * @param startTimeout            a plugin whose {@code start()} has not returned by then is listed as failed
 * @param startWait               how long the application's start waits for plugins before serving without the slow ones
 * @param stopTimeout             on shutdown, how long running plugin calls may finish before the plugins are unloaded
 */
@ConfigurationProperties(prefix = "ordino.plugins")
public record PluginLimits(Duration adminCallTimeout, Duration customerCallTimeout, Duration jobCallTimeout,
                           Duration notificationCallTimeout, Duration slowCall, Integer threadsPerInstance,
                           Integer queuePerInstance, Duration startTimeout, Duration startWait, Duration stopTimeout) {

    public PluginLimits {
        adminCallTimeout = orDefault(adminCallTimeout, Duration.ofSeconds(30));
        customerCallTimeout = orDefault(customerCallTimeout, Duration.ofSeconds(30));
        jobCallTimeout = orDefault(jobCallTimeout, Duration.ofSeconds(90));
        notificationCallTimeout = orDefault(notificationCallTimeout, Duration.ofSeconds(30));
        slowCall = orDefault(slowCall, Duration.ofSeconds(10));
        threadsPerInstance = threadsPerInstance == null || threadsPerInstance < 1 ? 4 : threadsPerInstance;
        queuePerInstance = queuePerInstance == null || queuePerInstance < 0 ? 8 : queuePerInstance;
        startTimeout = orDefault(startTimeout, Duration.ofSeconds(30));
        startWait = orDefault(startWait, Duration.ofSeconds(3));
        stopTimeout = orDefault(stopTimeout, Duration.ofSeconds(10));
    }

    /** The defaults, for a host outside Spring (tests). */
    public static PluginLimits defaults() {
        return new PluginLimits(null, null, null, null, null, null, null, null, null, null);
    }

    Duration timeout(PluginCalls.Kind kind) {
        return switch (kind) {
            case ADMIN -> adminCallTimeout;
            case CUSTOMER -> customerCallTimeout;
            case JOB -> jobCallTimeout;
            case NOTIFICATION -> notificationCallTimeout;
        };
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
