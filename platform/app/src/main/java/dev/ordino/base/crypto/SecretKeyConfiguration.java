package dev.ordino.base.crypto;

import dev.ordino.base.config.OrdinoProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The key that encrypts secrets at rest. {@code ORDINO_SECRET_KEY} wins. Without it, the
 * embedded default generates one once into {@code <data dir>/secret.key} (readable by the owner
 * only). With an external database a key must be given, since every node must share it.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

    static final String KEY_FILE = "secret.key";
    private static final Logger log = LoggerFactory.getLogger(SecretKeyConfiguration.class);

    @Bean
    SecretCipher secretCipher(StoreSecret secret) {
        return new SecretCipher(secret.value());
    }

    @Bean
    StoreSecret storeSecret(OrdinoProperties properties, Environment environment) {
        if (properties.secretKey() != null && !properties.secretKey().isBlank()) {
            return new StoreSecret(properties.secretKey());
        }
        if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
            throw new IllegalStateException("ORDINO_SECRET_KEY is not set. With an external database every node must "
                    + "use the same key: set ORDINO_SECRET_KEY to a random string of at least 32 characters.");
        }
        return new StoreSecret(keyFromDataDir(properties.dataDir()));
    }

    static String keyFromDataDir(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                try {
                    Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------"))), generated, StandardCharsets.UTF_8);
                    log.info("Generated the secret key for encrypting settings at rest: {}", file);
                } catch (FileAlreadyExistsException concurrentStart) {
                    // another process made it first; read theirs
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, generated, StandardCharsets.UTF_8);
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
        }
    }
}
