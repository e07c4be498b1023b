package dev.ordino.wallet;

import dev.ordino.account.AccountCreated;
import dev.ordino.base.DomainException;
import dev.ordino.base.UtcTime;
import dev.ordino.base.money.StoreCurrency;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wallets: a cached balance per user and an append-only ledger. Every change is one ledger entry
 * with a unique reference, written in the same transaction as a guarded update of the balance
 * ({@code ... WHERE balance >= :amount}), so the balance never goes below zero and always equals
 * the sum of its entries. The wallet row is updated first and the entry inserted after, which
 * keeps InnoDB from deadlocking on the row (see docs/decisions/004).
 */
@Service
public class WalletService {

    private final JdbcClient jdbc;
    private final StoreCurrency currency;
    private final Clock clock;

    WalletService(JdbcClient jdbc, StoreCurrency currency, Clock clock) {
        this.jdbc = jdbc;
        this.currency = currency;
        this.clock = clock;
    }

    /**
     * Every account gets its wallet in the transaction that creates the account. Synchronous on
     * purpose (decision 006): a wallet must exist the moment its account does, the row is this
     * module's own and nothing leaves the database.
     */
    @EventListener
    void on(AccountCreated event) {
        jdbc.sql("INSERT INTO wallet (user_id, balance, updated_at) VALUES (?, 0, ?)")
                .params(event.accountId(), UtcTime.column(clock.instant())).update();
    }

    /**
     * Locks the user's wallet row until the surrounding transaction ends, so everything that
     * user does with money happens one at a time. Answers the balance.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal lock(long userId) {
        return lockIfExists(userId).orElseThrow(() -> new IllegalStateException("wallet of user " + userId + " does not exist"));
    }

    private Optional<BigDecimal> lockIfExists(long userId) {
        return jdbc.sql("SELECT balance FROM wallet WHERE user_id = ? FOR UPDATE").param(userId).query(BigDecimal.class).optional();
    }

    @Transactional(readOnly = true)
    public BigDecimal balance(long userId) {
        return currency.round(jdbc.sql("SELECT balance FROM wallet WHERE user_id = ?").param(userId)
                .query(BigDecimal.class).optional().orElse(BigDecimal.ZERO));
    }

    /** Balances of several users in one query, for a page of a staff grid. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> balances(Collection<Long> userIds) {
        Map<Long, BigDecimal> result = new HashMap<>();
        if (!userIds.isEmpty()) {
            jdbc.sql("SELECT user_id, balance FROM wallet WHERE user_id IN (:ids)").param("ids", userIds)
                    .query(rs -> { result.put(rs.getLong(1), currency.round(rs.getBigDecimal(2))); });
        }
        return result;
    }

    /**
     * Takes money out inside the caller's transaction.
     *
     * @throws DomainException {@code insufficient_balance} (402) when the balance would go below zero
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry debit(long userId, BigDecimal amount, LedgerType type, String reference, String description,
                             String actor) {
        requirePositive(amount);
        int updated = jdbc.sql("UPDATE wallet SET balance = balance - ?, updated_at = ? WHERE user_id = ? AND balance >= ?")
                .params(amount, UtcTime.column(clock.instant()), userId, amount).update();
        if (updated != 1) {
            throw insufficientBalance();
        }
        return append(userId, type, amount.negate(), reference, description, actor);
    }

    /** Puts money in inside the caller's transaction. A reference already used means "done before". */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry credit(long userId, BigDecimal amount, LedgerType type, String reference, String description,
                              String actor) {
        requirePositive(amount);
        int updated = jdbc.sql("UPDATE wallet SET balance = balance + ?, updated_at = ? WHERE user_id = ?")
                .params(amount, UtcTime.column(clock.instant()), userId).update();
        if (updated != 1) {
            throw new IllegalStateException("wallet of user " + userId + " does not exist");
        }
        return append(userId, type, amount, reference, description, actor);
    }

    /**
     * A staff adjustment with a reason, shown in the customer's ledger as {@code adjustment:<id>}.
     * Negative amounts debit. The same idempotency key from the same staff member books once.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AdjustmentResult adjust(long userId, BigDecimal amount, String reason, String actor, String idempotencyKey) {
        BigDecimal exact = currency.parse(amount, "amount");
        if (exact.signum() == 0) {
            throw DomainException.badRequest("invalid_amount", "amount", "The amount cannot be zero");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw DomainException.badRequest("reason_required", "reason", "Give a reason (at most 500 characters)");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        // Every account has a wallet, so a missing wallet row is a missing user.
        BigDecimal before = lockIfExists(userId).orElseThrow(() -> DomainException.notFound("user_not_found", "No such user"));
        if (key != null) {
            var earlier = jdbc.sql("SELECT id FROM wallet_adjustment WHERE created_by = ? AND idempotency_key = ?")
                    .params(actor, key).query(Long.class).optional();
            if (earlier.isPresent()) {
                return new AdjustmentResult(earlier.get(), entryByReference("adjustment:" + earlier.get()), false);
            }
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO wallet_adjustment (user_id, amount, reason, idempotency_key, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(userId, exact, why, key, actor, UtcTime.column(clock.instant())).update(keys);
        long id = keys.getKey().longValue();
        String reference = "adjustment:" + id;
        LedgerEntry entry;
        if (exact.signum() > 0) {
            entry = credit(userId, exact, LedgerType.ADJUSTMENT, reference, why, actor);
        } else {
            try {
                entry = debit(userId, exact.negate(), LedgerType.ADJUSTMENT, reference, why, actor);
            } catch (DomainException e) {
                throw new DomainException(409, "insufficient_balance", "amount",
                        "The balance would go below zero", currency.display(before));
            }
        }
        return new AdjustmentResult(id, entry, true);
    }

    /** 402 {@code insufficient_balance}: the refusal for any payment the balance does not cover. */
    public static DomainException insufficientBalance() {
        return new DomainException(402, "insufficient_balance", null, "Not enough balance in the wallet");
    }

    /** An adjustment booked, or found booked before under the same idempotency key. */
    public record AdjustmentResult(long adjustmentId, LedgerEntry entry, boolean created) {
    }

    @Transactional(readOnly = true)
    public Page<LedgerEntry> transactions(long userId, Pageable pageable) {
        long total = jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE user_id = ?").param(userId).query(Long.class).single();
        List<LedgerEntry> rows = jdbc.sql("SELECT * FROM ledger_entry WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(userId, pageable.getPageSize(), pageable.getOffset()).query(WalletService::entry).list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Sum of a user's ledger entries: equals the balance, always. */
    @Transactional(readOnly = true)
    public BigDecimal ledgerSum(long userId) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE user_id = ?").param(userId)
                .query(BigDecimal.class).single();
    }

    /**
     * Appends the entry with the balance the wallet row now holds, in one round trip
     * (MariaDB's {@code INSERT ... SELECT ... RETURNING}).
     */
    private LedgerEntry append(long userId, LedgerType type, BigDecimal signedAmount, String reference, String description,
                               String actor) {
        Instant now = clock.instant();
        String text = description == null ? null : description.length() > 500 ? description.substring(0, 500) : description;
        try {
            return jdbc.sql("INSERT INTO ledger_entry (user_id, type, amount, balance_after, reference, description, created_by, created_at) "
                            + "SELECT user_id, ?, ?, balance, ?, ?, ?, ? FROM wallet WHERE user_id = ? "
                            + "RETURNING id, balance_after")
                    .params(type.key(), signedAmount, reference, text, actor, UtcTime.column(now), userId)
                    .query((rs, n) -> new LedgerEntry(rs.getLong(1), userId, type, signedAmount, rs.getBigDecimal(2), reference,
                            text, now))
                    .single();
        } catch (DuplicateKeyException e) {
            throw new DuplicateReferenceException(reference);
        }
    }

    private LedgerEntry entryByReference(String reference) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE reference = ?").param(reference).query(WalletService::entry).single();
    }

    private static void requirePositive(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("wallet amounts are positive; the direction is debit or credit");
        }
    }

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getLong("user_id"),
                LedgerType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)), rs.getBigDecimal("amount"),
                rs.getBigDecimal("balance_after"), rs.getString("reference"), rs.getString("description"),
                UtcTime.instant(rs.getObject("created_at", LocalDateTime.class)));
    }

    /** A ledger reference was used before: the change it stands for has already been booked. */
    public static class DuplicateReferenceException extends RuntimeException {
        public DuplicateReferenceException(String reference) {
            super("ledger reference already booked: " + reference);
        }
    }
}
