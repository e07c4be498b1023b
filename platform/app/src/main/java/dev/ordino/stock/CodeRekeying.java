package dev.ordino.stock;

import dev.ordino.base.crypto.SecretCipher;
import dev.ordino.base.crypto.SecretRekeying;
import dev.ordino.base.crypto.StoreSecret;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The code stock under a new secret key: every code re-encrypted and its fingerprint recomputed. */
@Component
class CodeRekeying implements SecretRekeying {

    private final JdbcClient jdbc;

    CodeRekeying(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "codes";
    }

    @Override
    public int rekey(SecretCipher from, SecretCipher to, StoreSecret toSecret) {
        CodeSecrets next = CodeSecrets.under(toSecret.value());
        int moved = 0;
        long after = 0;
        while (true) {
            // a page at a time: a large stock need not fit in memory
            var page = jdbc.sql("SELECT id, secret FROM code_stock WHERE id > ? ORDER BY id LIMIT 1000 FOR UPDATE")
                    .param(after).query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)}).list();
            if (page.isEmpty()) {
                return moved;
            }
            for (Object[] row : page) {
                String code = from.decrypt((String) row[1]);
                moved += jdbc.sql("UPDATE code_stock SET secret = ?, fingerprint = ? WHERE id = ?")
                        .params(next.seal(code), next.fingerprint(code), row[0]).update();
                after = (Long) row[0];
            }
        }
    }
}
