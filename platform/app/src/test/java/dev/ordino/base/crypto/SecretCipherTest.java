package dev.ordino.base.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher("a-store-secret-key-of-enough-length");

    @Test
    void aSecretComesBackAsItWasAndIsNotReadableAtRest() {
        String apiKey = "sk_live_51Hx-ÄPI-kéy-🚀";
        String stored = cipher.encrypt(apiKey);
        assertThat(stored).startsWith("v1:").doesNotContain("sk_live").doesNotContain(apiKey);
        assertThat(cipher.decrypt(stored)).isEqualTo(apiKey);
    }

    @Test
    void theSameSecretEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt("token")).isNotEqualTo(cipher.encrypt("token"));
    }

    @Test
    void aTamperedValueOrAnotherKeyIsRefused() {
        String stored = cipher.encrypt("token-123");
        char last = stored.charAt(stored.length() - 2);
        String tampered = stored.substring(0, stored.length() - 2) + (last == 'A' ? 'B' : 'A') + stored.charAt(stored.length() - 1);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(SecretCipher.SecretDecryptionException.class);
        assertThatThrownBy(() -> new SecretCipher("another-store-secret-key-xyz").decrypt(stored))
                .isInstanceOf(SecretCipher.SecretDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("plain text")).isInstanceOf(SecretCipher.SecretDecryptionException.class);
    }

    @Test
    void theEmbeddedDefaultGeneratesItsKeyOnceAndKeepsIt(@TempDir Path dataDir) throws Exception {
        String first = SecretKeyConfiguration.keyFromDataDir(dataDir);
        String second = SecretKeyConfiguration.keyFromDataDir(dataDir);
        assertThat(first).hasSizeGreaterThanOrEqualTo(40).isEqualTo(second);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(SecretKeyConfiguration.KEY_FILE)))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }
}
