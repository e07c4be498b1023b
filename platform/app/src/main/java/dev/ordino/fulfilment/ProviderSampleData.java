package dev.ordino.fulfilment;

import dev.ordino.base.money.StoreCurrency;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A first start of the embedded default configures the demo provider (the plugin whose provider
 * declares itself simulated) and imports its catalog, so a new shop shows the whole flow: order, hand-over, progress, completion.
 * Only when no provider exists yet; off with {@code ORDINO_DEMO_PROVIDER=false}.
 */
@Component
@Order(2)
class ProviderSampleData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProviderSampleData.class);
    static final String NAME = "Demo provider";

    private final ProviderInstances instances;
    private final ProviderCatalog catalog;
    private final JdbcClient jdbc;
    private final StoreCurrency currency;
    private final boolean enabled;

    ProviderSampleData(ProviderInstances instances, ProviderCatalog catalog, JdbcClient jdbc,
                       StoreCurrency currency,
                       @Value("${ordino.demo-provider:${ordino.demo-data:#{'${spring.datasource.url:}'.isBlank()}}}") boolean enabled) {
        this.instances = instances;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.currency = currency;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("SELECT COUNT(*) FROM provider_instance").query(Long.class).single() > 0) {
            return;
        }
        Optional<String> plugin = instances.simulatedPlugin();
        if (plugin.isEmpty()) {
            log.info("No simulated provider plugin is running; the demo provider is not configured");
            return;
        }
        try {
            long id = instances.insert(new ProviderForm(NAME, plugin.get(), Map.of(), new BigDecimal("50"), 100, true,
                    new BigDecimal("50"), "USD", currency.perUsd()));
            List<ProviderCatalog.Imported> imported = catalog.importAs(id, List.of(), true, null);
            log.info("Demo provider configured with {} services (orders move on their own over a few minutes)", imported.size());
        } catch (RuntimeException e) {
            log.warn("Demo provider not configured: {}", e.getMessage());
        }
    }
}
