package dev.ordino.plugins.manual;

import dev.ordino.plugin.testing.TestHost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ordino.plugin.api.PaymentGateway.GatewayException;
import dev.ordino.plugin.api.PaymentGateway.PaymentEvent;
import dev.ordino.plugin.api.PaymentGateway.PaymentRequest;
import dev.ordino.plugin.api.PaymentGateway.PaymentStart;
import dev.ordino.plugin.api.PaymentGateway.WebhookResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManualTransferGatewayTest {

    private final ManualTransferGateway gateway = new ManualTransferGateway();

    private static TestHost host(String instructions) {
        return new TestHost(instructions == null ? Map.of() : Map.of("instructions", instructions));
    }

    private static PaymentRequest request(String amount) {
        return new PaymentRequest("pay-42", new BigDecimal(amount), "IDR", "1000 followers", "buyer@example.com",
                "https://shop.example/pay/return", "https://shop.example/webhooks/payment/3");
    }

    @Test
    void theInstructionsNameTheAmountAndTheReference() throws Exception {
        PaymentStart start = gateway.startPayment(host("""
                Transfer {currency} {amount} to BCA 123 456 7890 (PT Ordino).
                Write {reference} as the transfer note; {reference} lets us find your payment."""), request("150000.00"));

        assertEquals(new PaymentStart("pay-42", null, null, """
                Transfer IDR 150000.00 to BCA 123 456 7890 (PT Ordino).
                Write pay-42 as the transfer note; pay-42 lets us find your payment."""), start);
    }

    @Test
    void largeAmountsAreWrittenOutInFull() throws Exception {
        PaymentStart start = gateway.startPayment(host("Pay {amount}"), request("1E+6"));

        assertEquals("Pay 1000000", start.instructions());
    }

    @Test
    void aGatewayWithoutInstructionsCannotStartAPayment() {
        GatewayException error = assertThrows(GatewayException.class,
                () -> gateway.startPayment(host(null), request("10")));

        assertFalse(error.retryable());
    }

    @Test
    void webhooksAreIgnored() {
        WebhookResult result = gateway.handleWebhook(host("x"), Map.of(), new byte[0]);

        assertEquals(WebhookResult.Rejection.IGNORED, assertInstanceOf(WebhookResult.Rejected.class, result).type());
    }

    @Test
    void staffConfirmTransfersAndTheyComeInAnyCurrency() {
        assertTrue(gateway.staffConfirms(), "only staff see the money arrive at the bank");
        assertTrue(gateway.currencies().isEmpty());
    }

    @Test
    void aMistypedPlaceholderInTheInstructionsIsAProblemWhenSaved() {
        assertEquals(Map.of(), gateway.validateSettings(Map.of("instructions", "Pay {currency} {amount}, note {reference}")));
        assertEquals(Map.of(), gateway.validateSettings(Map.of("instructions", "Pay the amount shown")));
        assertEquals(Map.of("instructions", "Unknown placeholder {amont}; use {amount}, {currency} or {reference}"),
                gateway.validateSettings(Map.of("instructions", "Pay {amont} quoting {reference}")));
    }

    @Test
    void aTransferStaysPendingUntilStaffConfirmIt() {
        assertEquals(PaymentEvent.Status.PENDING, gateway.status(host("x"), "pay-42").status());
    }

    @Test
    void refundsAreDoneOutsideTheGateway() {
        GatewayException error = assertThrows(GatewayException.class,
                () -> gateway.refund(host("x"), "pay-42", BigDecimal.TEN, "refund-1"));

        assertFalse(error.retryable());
        assertTrue(error.getMessage().startsWith("Refund manual transfers by bank"));
    }

    @Test
    void itDescribesItselfForTheAdminForm() {
        assertEquals("manual", gateway.key());
        assertEquals(List.of("instructions"), gateway.settings().stream().map(s -> s.key()).toList());
    }
}
