package dev.ordino.plugin.faulty;

import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.PaymentGateway;
import dev.ordino.plugin.api.SettingDescriptor;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A payment gateway that misbehaves on demand, per configured instance: {@code hang} lists methods
 * that sleep ten minutes, {@code fail} lists methods that throw. Otherwise it starts payments with
 * instructions and answers {@code status} with PAID for {@code paid} (an amount) when that is set,
 * else PENDING. No setting is required. Packed into the plugin jar {@code gateway-faulty}.
 */
public class FaultyGateway implements PaymentGateway {

    @Override
    public String key() {
        return "faulty-gateway";
    }

    @Override
    public String displayName() {
        return "Faulty gateway (tests)";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(new SettingDescriptor("hang", "Methods that hang", SettingDescriptor.SettingType.TEXT, false, false, null, null),
                new SettingDescriptor("fail", "Methods that throw", SettingDescriptor.SettingType.TEXT, false, false, null, null),
                new SettingDescriptor("paid", "Amount status() reports paid", SettingDescriptor.SettingType.NUMBER, false, false, null,
                        null));
    }

    @Override
    public PaymentStart startPayment(HostContext context, PaymentRequest request) {
        FaultyProvider.misbehave(context, "startPayment");
        return new PaymentStart("FG-" + UUID.randomUUID(), null, null, "Pay " + request.amount() + " (test gateway)");
    }

    @Override
    public WebhookResult handleWebhook(HostContext context, Map<String, List<String>> headers, byte[] rawBody) {
        FaultyProvider.misbehave(context, "handleWebhook");
        return new WebhookResult.Rejected("this test gateway takes no webhooks");
    }

    @Override
    public PaymentEvent status(HostContext context, String paymentRef) {
        FaultyProvider.misbehave(context, "status");
        return context.setting("paid").map(amount -> new PaymentEvent(paymentRef, paymentRef, PaymentEvent.Status.PAID,
                new BigDecimal(amount), null)).orElse(new PaymentEvent(paymentRef, paymentRef, PaymentEvent.Status.PENDING, null, null));
    }

    @Override
    public String refund(HostContext context, String paymentRef, BigDecimal amount, String idempotencyKey) {
        FaultyProvider.misbehave(context, "refund");
        return "FR-" + UUID.randomUUID();
    }
}
