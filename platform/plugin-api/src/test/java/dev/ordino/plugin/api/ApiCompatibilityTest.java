package dev.ordino.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ordino.plugin.api.PaymentGateway.WebhookResult.Rejected;
import dev.ordino.plugin.api.PaymentGateway.WebhookResult.Rejection;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What 1.2.0 and 1.3.0 add, and that an extension written for 1.1 keeps meaning what it meant. */
class ApiCompatibilityTest {

    /** A gateway as a 1.1 plugin writes it: none of the 1.2 methods, rejections as prefixed strings. */
    static class GatewayFor11 implements PaymentGateway {
        @Override
        public String key() {
            return "old";
        }

        @Override
        public String displayName() {
            return "Written for 1.1";
        }

        @Override
        public PaymentStart startPayment(HostContext context, PaymentRequest request) {
            return new PaymentStart("ref", "https://pay.example", null, null);
        }

        @Override
        public WebhookResult handleWebhook(HostContext context, Map<String, List<String>> headers, byte[] rawBody) {
            return new WebhookResult.Rejected("signature: does not match");
        }

        @Override
        public PaymentEvent status(HostContext context, String paymentRef) {
            return null;
        }

        @Override
        public String refund(HostContext context, String paymentRef, BigDecimal amount, String idempotencyKey) {
            return "r";
        }
    }

    @Test
    void aGatewayWrittenFor11TakesAnyCurrencyIsNotConfirmedByStaffAndFindsNoProblemInItsSettings() {
        GatewayFor11 gateway = new GatewayFor11();
        assertTrue(gateway.currencies().isEmpty());
        assertFalse(gateway.staffConfirms());
        assertEquals(Map.of(), gateway.validateSettings(Map.of("anything", "at all")));
    }

    @Test
    void rejectionsWordedAsIn11GetTheirTypeFromTheirPrefix() {
        assertEquals(Rejection.BAD_SIGNATURE, new Rejected("signature: signature_key does not match").type());
        assertEquals(Rejection.MALFORMED, new Rejected("malformed: body is not JSON").type());
        assertEquals(Rejection.IGNORED, new Rejected("ignored: checkout.session.created").type());
        assertEquals(Rejection.GATEWAY_DOWN, new Rejected("unavailable: status check failed").type());
        assertEquals(Rejection.MALFORMED, new Rejected("no prefix at all").type(), "anything else is unreadable");
        assertEquals(Rejection.MALFORMED, new Rejected((String) null).type());
        assertEquals("signature: signature_key does not match", new Rejected("signature: signature_key does not match").reason(),
                "the reason is kept as the plugin wrote it");
    }

    @Test
    void aTypedRejectionKeepsItsTypeWhateverItsReasonSays() {
        Rejected rejected = new Rejected(Rejection.GATEWAY_DOWN, "ignored: looks like a prefix");
        assertEquals(Rejection.GATEWAY_DOWN, rejected.type());
        assertThrows(NullPointerException.class, () -> new Rejected(null, "no type"));
    }

    @Test
    void aSettingDescribedAsIn11HasNoOptionsAndAChoiceNeedsThem() {
        SettingDescriptor text = new SettingDescriptor("url", "URL", SettingDescriptor.SettingType.URL, false, true, null, null);
        assertEquals(List.of(), text.options());

        SettingDescriptor mode = SettingDescriptor.choice("mode", "Mode", List.of("snap", "qris"), "snap", null);
        assertEquals(List.of("snap", "qris"), mode.options());
        assertFalse(mode.required(), "a choice with a default needs no value from staff");
        assertThrows(IllegalArgumentException.class,
                () -> SettingDescriptor.choice("mode", "Mode", List.of(), null, null));
        assertThrows(IllegalArgumentException.class,
                () -> SettingDescriptor.choice("mode", "Mode", List.of("snap", "qris"), "card", null));

        SettingDescriptor production = SettingDescriptor.flag("production", "Production", false, null);
        assertEquals(SettingDescriptor.SettingType.BOOLEAN, production.type());
        assertEquals("false", production.defaultValue());
    }

    @Test
    void aProviderWrittenFor11IsNotSimulated() {
        SmmProvider provider = (SmmProvider) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{SmmProvider.class}, (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        assertFalse(provider.simulated());
    }

    /** A channel as a 1.1 plugin writes it: {@code send} only. */
    static class ChannelFor11 implements NotificationChannel {
        final java.util.List<NotificationMessage> sent = new java.util.ArrayList<>();

        @Override
        public String key() {
            return "old-channel";
        }

        @Override
        public String displayName() {
            return "Written for 1.1";
        }

        @Override
        public void send(HostContext context, NotificationMessage message) {
            sent.add(message);
        }
    }

    @Test
    void aChannelWrittenFor11IsDeliveredThroughItsSendReachesNoCustomerAndCannotEdit() throws Exception {
        ChannelFor11 channel = new ChannelFor11();
        NotificationMessage message = new NotificationMessage("m1", NotificationMessage.STAFF, "Subject", "Body", null, null);
        assertEquals(null, channel.deliver(null, message), "no reference to edit");
        assertEquals(List.of(message), channel.sent);
        assertEquals(NotificationChannel.RecipientKind.OTHER, channel.recipientKind());
        NotificationChannel.ChannelException refused = assertThrows(NotificationChannel.ChannelException.class,
                () -> channel.edit(null, "ref", message));
        assertFalse(refused.retryable());
    }

    @Test
    void aMessageBuiltAsIn11IsPlainTextInEnglishForTheStaffDestination() {
        NotificationMessage message = new NotificationMessage("m1", "staff", "Subject", "Body", null, null);
        assertEquals(null, message.html());
        assertEquals("en", message.locale());
        assertTrue(message.toStaff());
        assertFalse(new NotificationMessage("m2", "a@b.example", "S", "B", null, null, "<p>B</p>", "ru").toStaff());
        assertEquals("email", NotificationChannel.RecipientKind.EMAIL.key());
    }

    @Test
    void aChannelImplementingNothingFailsWithoutRetrying() {
        NotificationChannel empty = new NotificationChannel() {
            @Override
            public String key() {
                return "empty";
            }

            @Override
            public String displayName() {
                return "Empty";
            }
        };
        NotificationChannel.ChannelException refused = assertThrows(NotificationChannel.ChannelException.class,
                () -> empty.deliver(null, new NotificationMessage("m", "staff", "S", "B", null, null)));
        assertFalse(refused.retryable());
    }
}
