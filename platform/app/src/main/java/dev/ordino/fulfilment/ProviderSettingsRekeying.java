package dev.ordino.fulfilment;

import dev.ordino.base.crypto.SecretCipher;
import dev.ordino.base.crypto.SecretRekeying;
import dev.ordino.base.crypto.StoreSecret;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Provider settings (API keys) under a new secret key. */
@Component
class ProviderSettingsRekeying implements SecretRekeying {

    private final JdbcClient jdbc;

    ProviderSettingsRekeying(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "provider settings";
    }

    @Override
    public int rekey(SecretCipher from, SecretCipher to, StoreSecret toSecret) {
        return SecretRekeying.reencrypt(jdbc, "provider_instance", "settings", from, to);
    }
}
