package dev.ordino.plugins.midtrans;

import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.PaymentGateway.GatewayException;
import dev.ordino.plugin.api.SettingDescriptor;
import dev.ordino.plugin.api.SettingDescriptor.SettingType;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The settings of one configured Midtrans instance, read from the host on every call. */
record MidtransSettings(String serverKey, boolean production, URI apiBase, URI snapBase, Method method) {

    static final String SERVER_KEY = "serverKey";
    static final String CLIENT_KEY = "clientKey";
    static final String PRODUCTION = "production";
    static final String API_BASE = "apiBase";
    static final String SNAP_BASE = "snapBase";
    static final String METHOD = "method";

    static final String SANDBOX_API = "https://api.sandbox.midtrans.com";
    static final String PRODUCTION_API = "https://api.midtrans.com";
    static final String SANDBOX_SNAP = "https://app.sandbox.midtrans.com/snap";
    static final String PRODUCTION_SNAP = "https://app.midtrans.com/snap";

    /** How the customer pays: the hosted Snap page, or a QRIS code from the Core API. */
    enum Method { SNAP, QRIS }

    static final List<String> METHODS = List.of("snap", "qris");

    /** Server key left out on purpose: the record's {@code toString} may end up in a log. */
    @Override
    public String toString() {
        return "MidtransSettings[production=" + production + ", apiBase=" + apiBase + ", snapBase=" + snapBase
                + ", method=" + method + "]";
    }

    static List<SettingDescriptor> descriptors() {
        return List.of(
                new SettingDescriptor(SERVER_KEY, "Server key", SettingType.TEXT, true, true, null,
                        "From the Midtrans dashboard (Settings, Access keys). Midtrans charges in IDR only: "
                                + "use it in a store whose currency is IDR."),
                new SettingDescriptor(CLIENT_KEY, "Client key", SettingType.TEXT, false, false, null,
                        "Only needed to embed Snap in the page; the hosted Snap page works without it."),
                SettingDescriptor.flag(PRODUCTION, "Production", false, "Off: sandbox, with sandbox keys. On: real payments."),
                new SettingDescriptor(API_BASE, "Core API base URL", SettingType.URL, false, false, null,
                        "Leave empty for " + SANDBOX_API + " (sandbox) or " + PRODUCTION_API + " (production)."),
                new SettingDescriptor(SNAP_BASE, "Snap base URL", SettingType.URL, false, false, null,
                        "Leave empty for " + SANDBOX_SNAP + " (sandbox) or " + PRODUCTION_SNAP + " (production)."),
                SettingDescriptor.choice(METHOD, "Payment method", METHODS, "snap",
                        "snap: the Midtrans payment page with all enabled methods; qris: a QRIS code shown in the store."));
    }

    static MidtransSettings from(HostContext context) throws GatewayException {
        String serverKey = context.setting(SERVER_KEY)
                .orElseThrow(() -> new GatewayException("Midtrans server key is not set", false, null));
        boolean production = context.setting(PRODUCTION).map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
        URI apiBase = base(context.setting(API_BASE).orElse(production ? PRODUCTION_API : SANDBOX_API), API_BASE);
        URI snapBase = base(context.setting(SNAP_BASE).orElse(production ? PRODUCTION_SNAP : SANDBOX_SNAP), SNAP_BASE);
        String method = context.setting(METHOD).orElse("snap").trim().toLowerCase(Locale.ROOT);
        return switch (method) {
            case "snap" -> new MidtransSettings(serverKey, production, apiBase, snapBase, Method.SNAP);
            case "qris" -> new MidtransSettings(serverKey, production, apiBase, snapBase, Method.QRIS);
            default -> throw new GatewayException("Unknown Midtrans method '" + method + "'; use snap or qris", false, null);
        };
    }

    /** What {@link #from} would refuse, by setting key, found when staff save the settings rather than at the first payment. */
    static Map<String, String> problems(Map<String, String> settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        String method = settings.getOrDefault(METHOD, "snap").trim().toLowerCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            problems.put(METHOD, "Use snap or qris");
        }
        String production = settings.getOrDefault(PRODUCTION, "false").trim();
        if (!production.equalsIgnoreCase("true") && !production.equalsIgnoreCase("false")) {
            problems.put(PRODUCTION, "Use true or false");
        }
        for (String key : List.of(API_BASE, SNAP_BASE)) {
            String value = settings.get(key);
            if (value != null && !value.isBlank()) {
                try {
                    base(value, key);
                } catch (GatewayException e) {
                    problems.put(key, "Enter an absolute URL, e.g. " + (key.equals(API_BASE) ? SANDBOX_API : SANDBOX_SNAP));
                }
            }
        }
        return problems;
    }

    private static URI base(String value, String key) throws GatewayException {
        String trimmed = value.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = URI.create(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new GatewayException("Midtrans setting " + key + " is not a valid URL", false, null);
        }
    }
}
