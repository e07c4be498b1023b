package dev.ordino.wallet;

import java.math.BigDecimal;
import java.time.Instant;

/** One wallet movement: amount is signed (credit +, debit −); reference is unique across all wallets. */
public record LedgerEntry(long id, long userId, LedgerType type, BigDecimal amount, BigDecimal balanceAfter,
                          String reference, String description, Instant createdAt) {
}
