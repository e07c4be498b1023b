package dev.ordino.plugins.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.PaymentGateway;
import dev.ordino.plugin.api.SettingDescriptor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Stripe Checkout: a hosted payment page per payment, in any currency Stripe takes.
 *
 * <p>{@link #status} and {@link #refund} need Stripe's Checkout Session id ({@code cs_...}), which
 * {@link #startPayment} returns as {@code gatewayRef}; Stripe cannot look a session up by our
 * reference. Webhooks come from the endpoint configured in the Stripe dashboard (Stripe has no
 * per-payment webhook URL). A webhook is rejected as {@code BAD_SIGNATURE} (bad or older than five
 * minutes), {@code MALFORMED}, {@code GATEWAY_DOWN} (no signing secret set, so Stripe retries) or
 * {@code IGNORED} (an event Ordino does not act on, so Stripe stops sending it).
 */
@Extension
public class StripeGateway implements PaymentGateway {

    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 30_000;
    /** stripe-java retries with an idempotency key of its own, so a retried POST creates nothing twice. */
    private static final int NETWORK_RETRIES = 2;
    private static final int MAX_MESSAGE = 300;

    @Override
    public String key() {
        return "stripe";
    }

    @Override
    public String displayName() {
        return "Stripe Checkout";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return StripeSettings.descriptors();
    }

    @Override
    public Map<String, String> validateSettings(Map<String, String> settings) {
        return StripeSettings.problems(settings);
    }

    @Override
    public PaymentStart startPayment(HostContext context, PaymentRequest request) throws GatewayException {
        String currency = request.currency() == null ? "" : request.currency().trim().toLowerCase(Locale.ROOT);
        if (currency.length() != 3) {
            throw new GatewayException("Stripe needs a three-letter currency code, not " + request.currency(), false, null);
        }
        long unitAmount = MinorUnits.toMinor(request.amount(), currency);
        String returnUrl = request.returnUrl() != null && !request.returnUrl().isBlank()
                ? request.returnUrl() : context.publicUrl();
        String name = request.description() != null && !request.description().isBlank()
                ? request.description().strip() : "Payment " + request.paymentRef();
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(request.paymentRef())
                .putMetadata("paymentRef", request.paymentRef())
                // On the payment too, so the reference shows on the charge in the Stripe dashboard.
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("paymentRef", request.paymentRef()).build())
                .setSuccessUrl(returnUrl)
                .setCancelUrl(returnUrl)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(currency)
                                .setUnitAmount(unitAmount)
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(name).build())
                                .build())
                        .build());
        if (request.customerEmail() != null && !request.customerEmail().isBlank()) {
            params.setCustomerEmail(request.customerEmail());
        }
        try {
            Session session = client(context).v1().checkout().sessions().create(params.build());
            return new PaymentStart(session.getId(), session.getUrl(), null, null);
        } catch (StripeException e) {
            throw failure("Checkout Session", e);
        }
    }

    @Override
    public WebhookResult handleWebhook(HostContext context, Map<String, List<String>> headers, byte[] rawBody) {
        String webhookSecret;
        try {
            webhookSecret = StripeSettings.webhookSecret(context);
        } catch (GatewayException e) {
            return new WebhookResult.Rejected(WebhookResult.Rejection.GATEWAY_DOWN, e.getMessage());
        }
        List<String> signature = headers.getOrDefault("stripe-signature", List.of());
        return CheckoutEvents.read(new String(rawBody, StandardCharsets.UTF_8),
                signature.isEmpty() ? null : signature.getFirst(), webhookSecret, context.clock());
    }

    /**
     * The session's state. Polled status carries no event id. A completed session whose payment
     * is still clearing (bank debits) is {@code PENDING}; its outcome arrives by webhook.
     *
     * @param paymentRef the Checkout Session id ({@code cs_...}), i.e. {@code gatewayRef}
     */
    @Override
    public PaymentEvent status(HostContext context, String paymentRef) throws GatewayException {
        Session session = session(client(context), paymentRef);
        PaymentEvent.Status status = switch (session.getStatus() == null ? "" : session.getStatus()) {
            case "complete" -> "paid".equals(session.getPaymentStatus())
                    || "no_payment_required".equals(session.getPaymentStatus())
                    ? PaymentEvent.Status.PAID : PaymentEvent.Status.PENDING;
            case "expired" -> PaymentEvent.Status.EXPIRED;
            default -> PaymentEvent.Status.PENDING;
        };
        String ourRef = session.getClientReferenceId() != null ? session.getClientReferenceId()
                : session.getMetadata() == null ? null : session.getMetadata().get("paymentRef");
        BigDecimal amount = session.getAmountTotal() == null || session.getCurrency() == null
                ? null : MinorUnits.fromMinor(session.getAmountTotal(), session.getCurrency());
        return new PaymentEvent(ourRef, session.getId(), status, amount, null);
    }

    /**
     * Refunds the session's payment; Stripe de-duplicates on the {@code Idempotency-Key} header.
     *
     * @param paymentRef the Checkout Session id ({@code cs_...}), i.e. {@code gatewayRef}
     * @return the Stripe refund id ({@code re_...})
     */
    @Override
    public String refund(HostContext context, String paymentRef, BigDecimal amount, String idempotencyKey)
            throws GatewayException {
        StripeClient client = client(context);
        Session session = session(client, paymentRef);
        if (session.getPaymentIntent() == null) {
            throw new GatewayException("Stripe session " + paymentRef + " has no payment to refund", false, null);
        }
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(session.getPaymentIntent())
                .setAmount(MinorUnits.toMinor(amount, session.getCurrency()))
                .build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        try {
            Refund refund = client.v1().refunds().create(params, options);
            return refund.getId();
        } catch (StripeException e) {
            throw failure("refund", e);
        }
    }

    private static Session session(StripeClient client, String sessionId) throws GatewayException {
        if (sessionId == null || !sessionId.startsWith("cs_")) {
            throw new GatewayException("Stripe needs the Checkout Session id (cs_...), not " + sessionId, false, null);
        }
        try {
            return client.v1().checkout().sessions().retrieve(sessionId);
        } catch (StripeException e) {
            throw failure("session lookup", e);
        }
    }

    /** A client per call: settings belong to the configured instance, not to this extension. */
    private static StripeClient client(HostContext context) throws GatewayException {
        return StripeClient.builder()
                .setApiKey(StripeSettings.secretKey(context))
                .setApiBase(StripeSettings.apiBase(context))
                .setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setReadTimeout(READ_TIMEOUT_MS)
                .setMaxNetworkRetries(NETWORK_RETRIES)
                .build();
    }

    /** Connection trouble, rate limits and Stripe's own errors are worth retrying; refusals are not. */
    static GatewayException failure(String what, StripeException e) {
        if (e instanceof AuthenticationException || e instanceof PermissionException) {
            // The message names part of the key; keep it out.
            return new GatewayException("Stripe " + what + " failed: the secret key was refused", false, null);
        }
        boolean retryable = e instanceof ApiConnectionException || e instanceof RateLimitException
                || e instanceof ApiException || (e.getStatusCode() != null && e.getStatusCode() >= 500);
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : e.getClass().getSimpleName();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        return new GatewayException("Stripe " + what + " failed: " + message, retryable, e);
    }
}
