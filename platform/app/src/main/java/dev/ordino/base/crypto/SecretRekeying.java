package dev.ordino.base.crypto;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A feature's encrypted columns, moved from one secret key to another by {@link SecretRekey}.
 * Each feature that stores secrets offers one, for its own tables only.
 */
public interface SecretRekeying {

    /** What is re-keyed, for the log ("gateway settings"). */
    String what();

    /**
     * Re-encrypts every stored secret (and recomputes anything derived from the key) inside the
     * caller's transaction. Answers how many rows changed.
     */
    int rekey(SecretCipher from, SecretCipher to, StoreSecret toSecret);

    /** Re-encrypts one column of every row of a table (its rows locked), keyed by {@code id}. */
    static int reencrypt(JdbcClient jdbc, String table, String column, SecretCipher from, SecretCipher to) {
        return jdbc.sql("SELECT id, " + column + " FROM " + table + " FOR UPDATE")
                .query((rs, n) -> jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE id = ?")
                        .params(to.encrypt(from.decrypt(rs.getString(2))), rs.getLong(1)).update())
                .list().stream().mapToInt(Integer::intValue).sum();
    }
}
