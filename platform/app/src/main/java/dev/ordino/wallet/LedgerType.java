package dev.ordino.wallet;

import java.util.Locale;

/** Why a wallet balance moved. */
public enum LedgerType {
    TOP_UP, ORDER_PAYMENT, REFUND, ADJUSTMENT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
