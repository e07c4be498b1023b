package dev.ordino.fulfilment.api;

import dev.ordino.fulfilment.ProviderCatalog;
import dev.ordino.fulfilment.ProviderForm;
import dev.ordino.fulfilment.ProviderInstances;
import dev.ordino.fulfilment.ProviderJobs;
import dev.ordino.fulfilment.ProviderOrders;
import dev.ordino.fulfilment.ProviderStatusSync;
import dev.ordino.fulfilment.ProviderView;
import dev.ordino.security.ApiCaller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** SMM provider instances, imports, syncs, offering mappings and the attention list, for automation. */
@RestController
@Tag(name = "Admin: providers")
@SecurityRequirement(name = "bearer")
class AdminProvidersApi {

    private final ProviderInstances instances;
    private final ProviderCatalog catalog;
    private final ProviderJobs jobs;
    private final ProviderOrders providerOrders;

    AdminProvidersApi(ProviderInstances instances, ProviderCatalog catalog, ProviderJobs jobs, ProviderOrders providerOrders) {
        this.instances = instances;
        this.catalog = catalog;
        this.jobs = jobs;
        this.providerOrders = providerOrders;
    }

    record Balance(String amount, String currency, Instant at, boolean low) {
    }

    record Provider(long id, String name, String plugin, Map<String, String> settings, BigDecimal markupPercent, int priority,
                    boolean enabled, String lowBalanceThreshold, String currency, BigDecimal conversionRate, String health,
                    String lastError, Balance balance, Instant servicesSyncedAt, Instant ordersSyncedAt) {
    }

    @PostMapping("/v1/admin/providers")
    @ResponseStatus(HttpStatus.CREATED)
    Provider create(@RequestBody ProviderForm form) {
        return provider(instances.create(form));
    }

    @GetMapping("/v1/admin/providers")
    List<Provider> list() {
        return instances.list().stream().map(AdminProvidersApi::provider).toList();
    }

    /** One provider with its balance asked for now (the stored one, with the error, when the provider does not answer). */
    @GetMapping("/v1/admin/providers/{id}")
    Provider one(@PathVariable long id) {
        return provider(instances.testConnection(id));
    }

    @PutMapping("/v1/admin/providers/{id}")
    Provider update(@PathVariable long id, @RequestBody ProviderForm form) {
        return provider(instances.update(id, form));
    }

    @PostMapping("/v1/admin/providers/{id}/sync-services")
    ProviderCatalog.SyncResult syncServices(@PathVariable long id) {
        return jobs.syncServicesNow(id, share -> { });
    }

    record ImportRequest(List<String> services, Boolean all, BigDecimal markupPercent) {
    }

    record Imported(long id, String name, String serviceId, String price, int pricePer) {
    }

    record ImportResult(int created, List<Imported> offerings) {
    }

    @PostMapping("/v1/admin/providers/{id}/import")
    ImportResult importServices(@PathVariable long id, @RequestBody ImportRequest request) {
        List<ProviderCatalog.Imported> created = catalog.importServices(id, request.services(),
                Boolean.TRUE.equals(request.all()), request.markupPercent());
        return new ImportResult(created.size(), created.stream()
                .map(i -> new Imported(i.offeringId(), i.name(), i.serviceId(), i.price().toPlainString(), i.pricePer())).toList());
    }

    record OrderSync(int checked, int updated) {
    }

    @PostMapping("/v1/admin/providers/sync-orders")
    OrderSync syncOrders() {
        ProviderStatusSync.Result result = jobs.syncOrdersNow();
        return new OrderSync(result.checked(), result.updated());
    }

    @GetMapping("/v1/admin/products/{id}/providers")
    List<ProviderCatalog.Mapping> mappings(@PathVariable long id) {
        return catalog.mappings(id);
    }

    @PutMapping("/v1/admin/products/{id}/providers")
    List<ProviderCatalog.Mapping> setMappings(@PathVariable long id, @RequestBody List<ProviderCatalog.MappingForm> mappings) {
        return catalog.setMappings(id, mappings);
    }

    @GetMapping("/v1/admin/provider-orders/attention")
    List<ProviderOrders.ProviderOrderView> attention() {
        return providerOrders.needingAttention();
    }

    @PostMapping("/v1/admin/provider-orders/{id}/resubmit")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resubmit(@PathVariable long id, Authentication authentication) {
        providerOrders.resubmit(id, ApiCaller.of(authentication).email());
    }

    record Reference(String providerRef) {
    }

    @PostMapping("/v1/admin/provider-orders/{id}/reference")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reference(@PathVariable long id, @RequestBody Reference reference, Authentication authentication) {
        providerOrders.enterReference(id, reference.providerRef(), ApiCaller.of(authentication).email());
    }

    @PostMapping("/v1/admin/provider-orders/{id}/refund")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void refund(@PathVariable long id, Authentication authentication) {
        providerOrders.refund(id, ApiCaller.of(authentication).email());
    }

    static Provider provider(ProviderView v) {
        Balance balance = v.balance() == null ? null
                : new Balance(v.balance().toPlainString(), v.balanceCurrency(), v.balanceAt(), v.lowBalance());
        return new Provider(v.id(), v.name(), v.plugin(), v.settings(), v.markupPercent(), v.priority(), v.enabled(),
                v.lowBalanceThreshold() == null ? null : v.lowBalanceThreshold().toPlainString(), v.currency(),
                v.conversionRate(), v.health(), v.lastError(), balance, v.servicesSyncedAt(), v.ordersSyncedAt());
    }
}
