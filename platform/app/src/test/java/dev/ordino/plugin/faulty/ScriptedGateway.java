package dev.ordino.plugin.faulty;

import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.PaymentGateway;
import dev.ordino.plugin.api.SettingDescriptor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A gateway as a plugin built for plugin API 1.1 writes it: no capabilities declared (so any
 * currency, not confirmed by staff, no settings of its own checked) and webhook rejections as
 * prefixed strings: it rejects every webhook with the body as its reason ({@code "signature: forged"}).
 * Payments start without any network; asked about one, it says paid for the amount it started with.
 * Packed as a plugin jar by {@code TestPluginJars.scriptedGateways}; never on the application's own
 * extension index.
 */
public class ScriptedGateway implements PaymentGateway {

    @Override
    public String key() {
        return "scripted";
    }

    @Override
    public String displayName() {
        return "Scripted gateway (tests)";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(new SettingDescriptor("account", "Account", SettingDescriptor.SettingType.TEXT, false, false, null, null));
    }

    @Override
    public PaymentStart startPayment(HostContext context, PaymentRequest request) {
        return new PaymentStart("scripted-" + request.amount().toPlainString(), "https://pay.example/" + request.paymentRef(), null,
                null);
    }

    @Override
    public WebhookResult handleWebhook(HostContext context, Map<String, List<String>> headers, byte[] rawBody) {
        return new WebhookResult.Rejected(new String(rawBody, StandardCharsets.UTF_8));
    }

    @Override
    public PaymentEvent status(HostContext context, String paymentRef) {
        return new PaymentEvent(null, paymentRef, PaymentEvent.Status.PAID, new BigDecimal(paymentRef.substring("scripted-".length())),
                null);
    }

    @Override
    public String refund(HostContext context, String paymentRef, BigDecimal amount, String idempotencyKey) throws GatewayException {
        throw new GatewayException("no refunds here", false, null);
    }

    /**
     * The same gateway written for 1.2: staff confirm its payments (its status would say paid, but
     * is never asked), its rejections are typed by the body ({@code "BAD_SIGNATURE"}, ...), and an
     * account must be digits.
     */
    public static class ByStaff extends ScriptedGateway {

        @Override
        public String key() {
            return "scripted-by-staff";
        }

        @Override
        public boolean staffConfirms() {
            return true;
        }

        @Override
        public WebhookResult handleWebhook(HostContext context, Map<String, List<String>> headers, byte[] rawBody) {
            return new WebhookResult.Rejected(WebhookResult.Rejection.valueOf(new String(rawBody, StandardCharsets.UTF_8).strip()),
                    "as scripted");
        }

        @Override
        public Map<String, String> validateSettings(Map<String, String> settings) {
            String account = settings.getOrDefault("account", "");
            return account.chars().allMatch(Character::isDigit) ? Map.of() : Map.of("account", "An account number has digits only");
        }
    }
}
