package dev.ordino.plugins.manual;

import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.PaymentGateway;
import dev.ordino.plugin.api.SettingDescriptor;
import dev.ordino.plugin.api.SettingDescriptor.SettingType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Bank transfer with instructions shown to the customer; staff confirm the payment in the back
 * office ({@link #staffConfirms}), so nothing ever arrives by webhook and the payment stays
 * {@code PENDING} here; {@link #handleWebhook} ignores whatever is posted (answer 200).
 */
@Extension
public class ManualTransferGateway implements PaymentGateway {

    static final String INSTRUCTIONS = "instructions";
    static final Set<String> PLACEHOLDERS = Set.of("amount", "currency", "reference");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");

    @Override
    public String key() {
        return "manual";
    }

    @Override
    public String displayName() {
        return "Bank transfer (manual)";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(new SettingDescriptor(INSTRUCTIONS, "Payment instructions", SettingType.MULTILINE, false, true,
                null, "Bank, account holder and number. {amount}, {currency} and {reference} are replaced per payment; "
                        + "ask the customer to quote {reference} with the transfer."));
    }

    /** A mistyped placeholder would reach every customer as it stands, e.g. "{amont}". */
    @Override
    public Map<String, String> validateSettings(Map<String, String> settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        Matcher placeholder = PLACEHOLDER.matcher(settings.getOrDefault(INSTRUCTIONS, ""));
        while (placeholder.find() && problems.isEmpty()) {
            if (!PLACEHOLDERS.contains(placeholder.group(1))) {
                problems.put(INSTRUCTIONS, "Unknown placeholder " + placeholder.group()
                        + "; use {amount}, {currency} or {reference}");
            }
        }
        return problems;
    }

    /** Only staff can see the transfer arrive at the bank. */
    @Override
    public boolean staffConfirms() {
        return true;
    }

    @Override
    public PaymentStart startPayment(HostContext context, PaymentRequest request) throws GatewayException {
        String template = context.setting(INSTRUCTIONS)
                .orElseThrow(() -> new GatewayException("Bank transfer instructions are not set", false, null));
        return new PaymentStart(request.paymentRef(), null, null, fill(template, request));
    }

    /** The amount as the store shows it ({@code 150000.00}), never in scientific notation. */
    static String fill(String template, PaymentRequest request) {
        String amount = request.amount() == null ? "" : request.amount().toPlainString();
        return template.replace("{amount}", amount)
                .replace("{currency}", request.currency() == null ? "" : request.currency())
                .replace("{reference}", request.paymentRef());
    }

    @Override
    public WebhookResult handleWebhook(HostContext context, Map<String, List<String>> headers, byte[] rawBody) {
        return new WebhookResult.Rejected(WebhookResult.Rejection.IGNORED, "manual payments have no webhook");
    }

    /** Always {@code PENDING}: only staff know whether the money arrived. */
    @Override
    public PaymentEvent status(HostContext context, String paymentRef) {
        return new PaymentEvent(paymentRef, paymentRef, PaymentEvent.Status.PENDING, null, null);
    }

    @Override
    public String refund(HostContext context, String paymentRef, BigDecimal amount, String idempotencyKey)
            throws GatewayException {
        throw new GatewayException("Refund manual transfers by bank; record it as a refund to the wallet "
                + "or outside Ordino", false, null);
    }
}
