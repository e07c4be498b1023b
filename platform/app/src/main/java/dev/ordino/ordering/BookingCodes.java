package dev.ordino.ordering;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Booking codes: 8 characters read aloud without doubt (no 0/O, 1/I/L, 5/S, 2/Z, 8/B look-alikes),
 * 25 symbols, so 25^8 ≈ 1.5 × 10^11 codes (37 bits) drawn from a strong random source; a
 * 4-digit PIN would be guessed in minutes.
 */
final class BookingCodes {

    static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingCodes() {
    }

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** What staff typed, as stored: upper case, without spaces or dashes; null when it cannot be a code. */
    static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }
}
