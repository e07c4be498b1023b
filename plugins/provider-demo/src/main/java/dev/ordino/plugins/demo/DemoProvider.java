package dev.ordino.plugins.demo;

import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.ProviderBalance;
import dev.ordino.plugin.api.ProviderException;
import dev.ordino.plugin.api.ProviderOrderRef;
import dev.ordino.plugin.api.ProviderOrderRequest;
import dev.ordino.plugin.api.ProviderOrderStatus;
import dev.ordino.plugin.api.ProviderOrderStatus.State;
import dev.ordino.plugin.api.ProviderService;
import dev.ordino.plugin.api.SettingDescriptor;
import dev.ordino.plugin.api.SettingDescriptor.SettingType;
import dev.ordino.plugin.api.SmmProvider;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.pf4j.Extension;

/**
 * A simulated provider for demos and tests: a realistic catalog and orders that move from Pending
 * through In progress to Completed (or now and then Partial) over two to four minutes, with no
 * network and no stored state. Everything an order needs is in its ref, and its status is a pure
 * function of the ref, the host's clock and the {@code speed} setting.
 */
@Extension
public class DemoProvider implements SmmProvider {

    static final String SPEED_SETTING = "speed";
    static final String INCORRECT_ORDER = "Incorrect order ID";
    private static final double MAX_SPEED = 10_000;

    @Override
    public String key() {
        return "demo";
    }

    @Override
    public String displayName() {
        return "Demo provider (simulated)";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(new SettingDescriptor(SPEED_SETTING, "Speed", SettingType.NUMBER, false, false, "1",
                "How much faster than real time orders progress; 60 finishes a 3-minute order in 3 seconds"));
    }

    /** Places nothing anywhere: orders progress by the clock alone. */
    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public Map<String, String> validateSettings(Map<String, String> settings) {
        String speed = settings.get(SPEED_SETTING);
        if (speed == null) {
            return Map.of();
        }
        try {
            double value = Double.parseDouble(speed.strip());
            if (value > 0 && value <= MAX_SPEED) {
                return Map.of();
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return Map.of(SPEED_SETTING, "Enter a speed above 0 and at most " + (long) MAX_SPEED);
    }

    @Override
    public List<ProviderService> services(HostContext context) {
        return DemoCatalog.services();
    }

    @Override
    public ProviderOrderRef placeOrder(HostContext context, ProviderOrderRequest request) throws ProviderException {
        ProviderService service = DemoCatalog.service(request.serviceId())
                .orElseThrow(() -> new ProviderException.Rejected("Unknown service: " + request.serviceId()));
        if (request.link() == null || request.link().isBlank()) {
            throw new ProviderException.Rejected("Link is required");
        }
        long quantity = request.quantity();
        if (DemoCatalog.CUSTOM_COMMENTS.equals(service.type())) {
            // as on real panels, the quantity of a custom comments order is its number of comments
            quantity = request.extras().getOrDefault("comments", "").lines().filter(line -> !line.isBlank()).count();
            if (quantity == 0) {
                throw new ProviderException.Rejected("Comments are required, one per line");
            }
        }
        if (quantity < service.min() || quantity > service.max()) {
            throw new ProviderException.Rejected(
                    "Quantity must be between " + service.min() + " and " + service.max());
        }
        checkDripFeed(service, request.extras());
        // a nonce from the idempotency key makes a repeated request at the same instant give the same ref
        int nonce = request.idempotencyKey() == null
                ? ThreadLocalRandom.current().nextInt()
                : request.idempotencyKey().hashCode();
        return new ProviderOrderRef(DemoOrder.ref(context.clock().instant(), service.id(), quantity, nonce));
    }

    /** Drip-feed fields are checked like a panel would, but not simulated. */
    private static void checkDripFeed(ProviderService service, Map<String, String> extras) throws ProviderException {
        for (String field : List.of("runs", "interval")) {
            String value = extras.get(field);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (!service.dripfeed()) {
                throw new ProviderException.Rejected("This service does not support drip-feed");
            }
            if (!value.strip().matches("[1-9]\\d{0,5}")) {
                throw new ProviderException.Rejected("Drip-feed " + field + " must be a positive whole number");
            }
        }
    }

    @Override
    public Map<String, ProviderOrderStatus> statuses(HostContext context, List<String> refs) {
        double speed = speed(context);
        Map<String, ProviderOrderStatus> statuses = new LinkedHashMap<>();
        for (String ref : refs) {
            statuses.put(ref, DemoOrder.parse(ref)
                    .map(order -> order.statusAt(context.clock().instant(), speed))
                    .orElse(new ProviderOrderStatus(State.UNKNOWN, null, null, null, INCORRECT_ORDER)));
        }
        return statuses;
    }

    @Override
    public String refill(HostContext context, String ref) throws ProviderException {
        DemoOrder order = DemoOrder.parse(ref).orElseThrow(() -> new ProviderException.Rejected(INCORRECT_ORDER));
        if (!order.service().refill()) {
            throw new ProviderException.Rejected("Refill is not available for this service");
        }
        State state = order.statusAt(context.clock().instant(), speed(context)).state();
        if (state != State.COMPLETED && state != State.PARTIAL) {
            throw new ProviderException.Rejected("Refill is available once the order is completed");
        }
        return "R" + ref;
    }

    @Override
    public String refillStatus(HostContext context, String refillId) throws ProviderException {
        if (refillId == null || !refillId.startsWith("R") || DemoOrder.parse(refillId.substring(1)).isEmpty()) {
            throw new ProviderException.Rejected("Incorrect refill ID");
        }
        return "Completed";
    }

    /** With no stored state a cancel could never show in the status, so every cancel is refused. */
    @Override
    public Map<String, Boolean> cancel(HostContext context, List<String> refs) {
        Map<String, Boolean> refused = new LinkedHashMap<>();
        refs.forEach(ref -> refused.put(ref, false));
        return refused;
    }

    @Override
    public ProviderBalance balance(HostContext context) {
        return new ProviderBalance(new BigDecimal("1000.00"), "USD");
    }

    private static double speed(HostContext context) {
        try {
            double speed = context.setting(SPEED_SETTING).map(value -> Double.parseDouble(value.strip())).orElse(1.0);
            return speed > 0 && Double.isFinite(speed) ? Math.min(speed, MAX_SPEED) : 1.0;
        } catch (NumberFormatException e) {
            return 1.0;
        }
    }
}
