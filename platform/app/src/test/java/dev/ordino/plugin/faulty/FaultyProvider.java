package dev.ordino.plugin.faulty;

import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.ProviderBalance;
import dev.ordino.plugin.api.ProviderOrderRef;
import dev.ordino.plugin.api.ProviderOrderRequest;
import dev.ordino.plugin.api.ProviderOrderStatus;
import dev.ordino.plugin.api.ProviderService;
import dev.ordino.plugin.api.SettingDescriptor;
import dev.ordino.plugin.api.SmmProvider;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider that misbehaves on demand, per configured instance: {@code hang} lists methods that
 * sleep ten minutes, {@code fail} lists methods that throw {@code throw}: {@code RuntimeException},
 * {@code StackOverflowError} (real recursion), {@code OutOfMemoryError} or {@code NoClassDefFoundError}.
 * Otherwise it answers like a small panel with one service. Packed into a plugin jar by
 * {@code TestPluginJars.faultyPlugins}; never on the application's own extension index.
 */
public class FaultyProvider implements SmmProvider {

    private static final AtomicLong ORDERS = new AtomicLong(1000);

    @Override
    public String key() {
        return "faulty";
    }

    @Override
    public String displayName() {
        return "Faulty provider (tests)";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(new SettingDescriptor("hang", "Methods that hang", SettingDescriptor.SettingType.TEXT, false, false, null, null),
                new SettingDescriptor("fail", "Methods that throw", SettingDescriptor.SettingType.TEXT, false, false, null, null),
                new SettingDescriptor("throw", "What they throw", SettingDescriptor.SettingType.TEXT, false, false, null, null));
    }

    static void misbehave(HostContext context, String method) {
        if (listed(context, "hang", method)) {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while hanging");
            }
        }
        if (listed(context, "fail", method)) {
            switch (context.setting("throw").orElse("RuntimeException")) {
                case "StackOverflowError" -> recurse(0);
                case "OutOfMemoryError" -> throw new OutOfMemoryError("Java heap space (thrown by a test plugin)");
                case "NoClassDefFoundError" -> throw new NoClassDefFoundError("com/example/panel/MissingClient");
                default -> throw new IllegalStateException("broken plugin code in " + method);
            }
        }
    }

    private static boolean listed(HostContext context, String setting, String method) {
        return context.setting(setting).map(value -> Arrays.asList(value.split(",")).contains(method)).orElse(false);
    }

    private static long recurse(long depth) {
        return recurse(depth + 1) + 1;
    }

    @Override
    public List<ProviderService> services(HostContext context) {
        misbehave(context, "services");
        return List.of(new ProviderService("1", "Faulty followers", "Faulty", "Default", new BigDecimal("1.00"), 10, 10000, false, false));
    }

    @Override
    public ProviderOrderRef placeOrder(HostContext context, ProviderOrderRequest request) {
        misbehave(context, "placeOrder");
        return new ProviderOrderRef("F-" + ORDERS.incrementAndGet());
    }

    @Override
    public Map<String, ProviderOrderStatus> statuses(HostContext context, List<String> refs) {
        misbehave(context, "statuses");
        Map<String, ProviderOrderStatus> result = new LinkedHashMap<>();
        refs.forEach(ref -> result.put(ref, new ProviderOrderStatus(ProviderOrderStatus.State.IN_PROGRESS, 0L, 0L, null, null)));
        return result;
    }

    @Override
    public String refill(HostContext context, String ref) {
        misbehave(context, "refill");
        return "R-" + ref;
    }

    @Override
    public String refillStatus(HostContext context, String refillId) {
        misbehave(context, "refillStatus");
        return "Pending";
    }

    @Override
    public Map<String, Boolean> cancel(HostContext context, List<String> refs) {
        misbehave(context, "cancel");
        Map<String, Boolean> result = new LinkedHashMap<>();
        refs.forEach(ref -> result.put(ref, true));
        return result;
    }

    @Override
    public ProviderBalance balance(HostContext context) {
        misbehave(context, "balance");
        return new ProviderBalance(new BigDecimal("100.00"), "USD");
    }
}
