package dev.ordino.base.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key-rotation command: started with {@code ORDINO_REKEY_TO} set (and {@code ORDINO_SECRET_KEY}
 * still the current key), it re-encrypts every secret at rest and recomputes every fingerprint
 * under the new key in one transaction (all or nothing), says how many rows moved, and stops the
 * application. Then start every node with {@code ORDINO_SECRET_KEY} set to the new key. Keys are
 * never logged.
 */
@Component
class SecretRekey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecretRekey.class);

    private final List<SecretRekeying> features;
    private final StoreSecret current;
    private final TransactionTemplate transaction;
    private final ConfigurableApplicationContext context;
    private final String newKey;

    SecretRekey(List<SecretRekeying> features, StoreSecret current, PlatformTransactionManager transactions,
                ConfigurableApplicationContext context, @Value("${ordino.rekey-to:}") String newKey) {
        this.features = features;
        this.current = current;
        this.transaction = new TransactionTemplate(transactions);
        this.context = context;
        this.newKey = newKey;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (newKey == null || newKey.isBlank()) {
            return;
        }
        Map<String, Integer> moved = rekey(current, new StoreSecret(newKey));
        log.info("Re-keyed every secret at rest: {}. Start the application with ORDINO_SECRET_KEY set to the new key "
                + "and without ORDINO_REKEY_TO.", moved);
        int code = SpringApplication.exit(context, () -> 0);
        System.exit(code); // a command, not a server: it must not go on serving under the old key
    }

    /** Moves every feature's secrets from one key to the other, all or nothing; answers rows changed per feature. */
    Map<String, Integer> rekey(StoreSecret from, StoreSecret to) {
        SecretCipher fromCipher = new SecretCipher(from.value());
        SecretCipher toCipher = new SecretCipher(to.value());
        return transaction.execute(status -> {
            Map<String, Integer> moved = new LinkedHashMap<>();
            for (SecretRekeying feature : features) {
                moved.put(feature.what(), feature.rekey(fromCipher, toCipher, to));
            }
            return moved;
        });
    }
}
