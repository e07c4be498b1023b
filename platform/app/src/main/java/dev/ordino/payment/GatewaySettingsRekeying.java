package dev.ordino.payment;

import dev.ordino.base.crypto.SecretCipher;
import dev.ordino.base.crypto.SecretRekeying;
import dev.ordino.base.crypto.StoreSecret;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gateway settings (API keys, webhook secrets) under a new secret key. */
@Component
class GatewaySettingsRekeying implements SecretRekeying {

    private final JdbcClient jdbc;

    GatewaySettingsRekeying(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "gateway settings";
    }

    @Override
    public int rekey(SecretCipher from, SecretCipher to, StoreSecret toSecret) {
        return SecretRekeying.reencrypt(jdbc, "gateway_instance", "settings", from, to);
    }
}
