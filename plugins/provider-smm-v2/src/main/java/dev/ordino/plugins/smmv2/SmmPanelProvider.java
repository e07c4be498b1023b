package dev.ordino.plugins.smmv2;

import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.ProviderBalance;
import dev.ordino.plugin.api.ProviderException;
import dev.ordino.plugin.api.ProviderOrderRef;
import dev.ordino.plugin.api.ProviderOrderRequest;
import dev.ordino.plugin.api.ProviderOrderStatus;
import dev.ordino.plugin.api.ProviderService;
import dev.ordino.plugin.api.SettingDescriptor;
import dev.ordino.plugin.api.SettingDescriptor.SettingType;
import dev.ordino.plugin.api.SmmProvider;
import dev.ordino.plugins.smmv2.PanelClient.Answer;
import dev.ordino.plugins.smmv2.PanelClient.Call;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pf4j.Extension;

/**
 * Any panel speaking the de-facto "SMM panel API v2": one URL, form posts of {@code key} and
 * {@code action}, JSON answers, errors as HTTP 200 with {@code {"error": "..."}}.
 * Keeps no state: every call reads its settings from the {@link HostContext}.
 */
@Extension
public class SmmPanelProvider implements SmmProvider {

    /** Most refs the panel takes in one {@code status} or {@code cancel} call. */
    static final int BATCH = MAX_STATUS_BATCH;
    private static final String DEFAULT_CURRENCY = "USD";

    @Override
    public String key() {
        return "smm-v2";
    }

    @Override
    public String displayName() {
        return "SMM panel (API v2)";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                new SettingDescriptor(PanelClient.URL_SETTING, "API URL", SettingType.URL, false, true, null,
                        "The panel's API v2 address, e.g. https://panel.example/api/v2"),
                new SettingDescriptor(PanelClient.KEY_SETTING, "API key", SettingType.TEXT, true, true, null,
                        "From the panel's API page"),
                new SettingDescriptor(PanelClient.TIMEOUT_SETTING, "Timeout (seconds)", SettingType.NUMBER, false,
                        false, String.valueOf(PanelClient.DEFAULT_TIMEOUT_SECONDS),
                        "How long to wait for the panel's answer to one request"));
    }

    @Override
    public Map<String, String> validateSettings(Map<String, String> settings) {
        return PanelClient.problems(settings);
    }

    @Override
    public List<ProviderService> services(HostContext context) throws ProviderException {
        List<?> entries = PanelClient.of(context).post("services", Call.READ, Map.of()).list();
        List<ProviderService> services = new ArrayList<>(entries.size());
        int skipped = 0;
        for (Object entry : entries) {
            ProviderService service = entry instanceof Map<?, ?> item ? service(item) : null;
            if (service == null) {
                skipped++;
            } else {
                services.add(service);
            }
        }
        if (skipped > 0) {
            int count = skipped;
            context.logger().log(Level.WARNING, () -> "SMM panel listed " + count
                    + " services without an id or a valid rate; they were left out");
        }
        return services;
    }

    private static ProviderService service(Map<?, ?> item) {
        String id = PanelValues.id(item.get("service"));
        BigDecimal rate = PanelValues.decimal(item.get("rate"));
        if (id == null || rate == null) {
            return null;
        }
        return new ProviderService(id,
                Objects.requireNonNullElse(PanelValues.text(item.get("name")), "Service " + id),
                Objects.requireNonNullElse(PanelValues.text(item.get("category")), "Other"),
                Objects.requireNonNullElse(PanelValues.text(item.get("type")), "Default"),
                rate,
                Objects.requireNonNullElse(PanelValues.whole(item.get("min")), 0L),
                Objects.requireNonNullElse(PanelValues.whole(item.get("max")), 0L),
                PanelValues.flag(item.get("refill")),
                PanelValues.flag(item.get("cancel")),
                PanelValues.flag(item.get("dripfeed")));
    }

    @Override
    public ProviderOrderRef placeOrder(HostContext context, ProviderOrderRequest request) throws ProviderException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("service", request.serviceId());
        if (request.link() != null && !request.link().isBlank()) {
            fields.put("link", request.link());
        }
        if (request.quantity() > 0) {
            fields.put("quantity", Long.toString(request.quantity()));
        }
        for (String name : ProviderOrderRequest.EXTRA_FIELDS) {
            String value = request.extras().get(name);
            if (value != null && !value.isBlank()) {
                fields.put(name, value);
            }
        }
        Answer answer = PanelClient.of(context).post("add", Call.PLACE, fields);
        String ref = PanelValues.id(answer.object().get("order"));
        if (ref == null || ref.equals("0")) {
            throw answer.unexpected();
        }
        return new ProviderOrderRef(ref);
    }

    /** Always the multi-status form, in calls of at most {@value #BATCH} refs; every asked ref gets an entry. */
    @Override
    public Map<String, ProviderOrderStatus> statuses(HostContext context, List<String> refs)
            throws ProviderException {
        List<String> wanted = distinct(refs);
        Map<String, ProviderOrderStatus> statuses = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return statuses;
        }
        PanelClient client = PanelClient.of(context);
        for (List<String> batch : batches(wanted)) {
            Map<?, ?> answer = client.post("status", Call.READ, Map.of("orders", String.join(",", batch))).object();
            for (String ref : batch) {
                statuses.put(ref, answer.containsKey(ref)
                        ? PanelStatuses.read(answer.get(ref))
                        : PanelStatuses.unknown("No status for this order in the provider's answer"));
            }
        }
        return statuses;
    }

    @Override
    public String refill(HostContext context, String ref) throws ProviderException {
        Answer answer = PanelClient.of(context).post("refill", Call.CHANGE, Map.of("order", ref));
        Object refill = answer.object().get("refill");
        rejectItemError(refill);
        String refillId = PanelValues.id(refill);
        if (refillId == null) {
            throw answer.unexpected();
        }
        return refillId;
    }

    @Override
    public String refillStatus(HostContext context, String refillId) throws ProviderException {
        Answer answer = PanelClient.of(context).post("refill_status", Call.READ, Map.of("refill", refillId));
        Object status = answer.object().get("status");
        rejectItemError(status);
        String text = PanelValues.text(status);
        if (text == null) {
            throw answer.unexpected();
        }
        return text;
    }

    /**
     * Asks in calls of at most {@value #BATCH} refs; a ref the panel does not confirm counts as refused.
     * If a later call fails, the exception carries no results of the earlier ones.
     */
    @Override
    public Map<String, Boolean> cancel(HostContext context, List<String> refs) throws ProviderException {
        List<String> wanted = distinct(refs);
        Map<String, Boolean> accepted = new LinkedHashMap<>();
        wanted.forEach(ref -> accepted.put(ref, false));
        if (wanted.isEmpty()) {
            return accepted;
        }
        PanelClient client = PanelClient.of(context);
        for (List<String> batch : batches(wanted)) {
            for (Object entry : client.post("cancel", Call.CHANGE, Map.of("orders", String.join(",", batch))).list()) {
                if (entry instanceof Map<?, ?> item) {
                    String ref = PanelValues.id(item.get("order"));
                    Object cancel = item.get("cancel");
                    if (ref != null && accepted.containsKey(ref) && !(cancel instanceof Map)
                            && item.get("error") == null) {
                        accepted.put(ref, PanelValues.flag(cancel));
                    }
                }
            }
        }
        return accepted;
    }

    @Override
    public ProviderBalance balance(HostContext context) throws ProviderException {
        Answer answer = PanelClient.of(context).post("balance", Call.READ, Map.of());
        Map<?, ?> object = answer.object();
        BigDecimal amount = PanelValues.decimal(object.get("balance"));
        if (amount == null) {
            throw answer.unexpected();
        }
        return new ProviderBalance(amount,
                Objects.requireNonNullElse(PanelValues.text(object.get("currency")), DEFAULT_CURRENCY));
    }

    /** Some panels answer a single refill as {@code {"refill": {"error": "..."}}}. */
    private static void rejectItemError(Object value) throws ProviderException.Rejected {
        if (value instanceof Map<?, ?> item) {
            String error = PanelValues.text(item.get("error"));
            throw new ProviderException.Rejected(error == null ? "Provider reported an error" : error);
        }
    }

    private static List<String> distinct(List<String> refs) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String ref : refs) {
            if (ref != null && !ref.isBlank()) {
                distinct.add(ref);
            }
        }
        return List.copyOf(distinct);
    }

    private static List<List<String>> batches(List<String> refs) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < refs.size(); from += BATCH) {
            batches.add(refs.subList(from, Math.min(from + BATCH, refs.size())));
        }
        return batches;
    }
}
