package dev.ordino.plugins.midtrans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Midtrans signs each notification with {@code SHA-512(order_id + status_code + gross_amount + serverKey)},
 * over the fields exactly as sent ({@code "10000.00"}, not a re-formatted number).
 */
final class NotificationSignature {

    private NotificationSignature() {
    }

    static String compute(String orderId, String statusCode, String grossAmount, String serverKey) {
        try {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            byte[] digest = sha512.digest((orderId + statusCode + grossAmount + serverKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }

    /** Constant-time comparison, so the answer time does not leak how much of a forged signature was right. */
    static boolean matches(String orderId, String statusCode, String grossAmount, String serverKey, String signatureKey) {
        byte[] expected = compute(orderId, statusCode, grossAmount, serverKey).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureKey.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
