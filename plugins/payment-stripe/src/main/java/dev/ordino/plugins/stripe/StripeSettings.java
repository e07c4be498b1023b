package dev.ordino.plugins.stripe;

import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.PaymentGateway.GatewayException;
import dev.ordino.plugin.api.SettingDescriptor;
import dev.ordino.plugin.api.SettingDescriptor.SettingType;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings of one configured Stripe instance, read from the host on every call. */
final class StripeSettings {

    static final String SECRET_KEY = "secretKey";
    static final String WEBHOOK_SECRET = "webhookSecret";
    static final String API_BASE = "apiBase";
    static final String DEFAULT_API_BASE = "https://api.stripe.com";

    private StripeSettings() {
    }

    static List<SettingDescriptor> descriptors() {
        return List.of(
                new SettingDescriptor(SECRET_KEY, "Secret key", SettingType.TEXT, true, true, null,
                        "sk_live_... or sk_test_... (a restricted key with Checkout Sessions and Refunds write access works too)."),
                new SettingDescriptor(WEBHOOK_SECRET, "Webhook signing secret", SettingType.TEXT, true, true, null,
                        "whsec_... of the Stripe webhook endpoint pointing at this instance's webhook URL; send it the "
                                + "checkout.session.* events."),
                new SettingDescriptor(API_BASE, "API base URL", SettingType.URL, false, false, DEFAULT_API_BASE,
                        "Change only for a Stripe mock or proxy."));
    }

    /**
     * Keys pasted into the wrong field (a publishable {@code pk_} key, the signing secret as the API
     * key) by setting key. The messages never repeat the value.
     */
    static Map<String, String> problems(Map<String, String> settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        String secretKey = settings.getOrDefault(SECRET_KEY, "").trim();
        if (!secretKey.startsWith("sk_") && !secretKey.startsWith("rk_")) {
            problems.put(SECRET_KEY, "Use the secret key (sk_...) or a restricted key (rk_...), not the publishable key");
        }
        String webhookSecret = settings.getOrDefault(WEBHOOK_SECRET, "").trim();
        if (!webhookSecret.startsWith("whsec_")) {
            problems.put(WEBHOOK_SECRET, "Use the endpoint's signing secret (whsec_...)");
        }
        return problems;
    }

    static String secretKey(HostContext context) throws GatewayException {
        return context.setting(SECRET_KEY)
                .orElseThrow(() -> new GatewayException("Stripe secret key is not set", false, null));
    }

    static String webhookSecret(HostContext context) throws GatewayException {
        return context.setting(WEBHOOK_SECRET)
                .orElseThrow(() -> new GatewayException("Stripe webhook signing secret is not set", false, null));
    }

    static String apiBase(HostContext context) throws GatewayException {
        String base = context.setting(API_BASE).orElse(DEFAULT_API_BASE).trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        try {
            URI uri = URI.create(base);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not absolute");
            }
        } catch (IllegalArgumentException e) {
            throw new GatewayException("Stripe setting " + API_BASE + " is not a valid URL", false, null);
        }
        return base;
    }
}
