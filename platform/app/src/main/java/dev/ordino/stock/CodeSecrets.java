package dev.ordino.stock;

import dev.ordino.base.crypto.SecretCipher;
import dev.ordino.base.crypto.StoreSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How codes are kept: AES-GCM under the store's secret key (a fresh IV each time, so the same
 * code never encrypts to the same text), and a fingerprint, HMAC-SHA256 under a key derived from
 * the secret key, which finds a duplicate without decrypting anything.
 */
@Component
public class CodeSecrets {

    private final SecretCipher cipher;
    private final byte[] fingerprintKey;

    @Autowired
    CodeSecrets(SecretCipher cipher, StoreSecret secret) {
        this(cipher, secret.value());
    }

    /** With another key: for re-keying the stock. */
    private CodeSecrets(SecretCipher cipher, String secretKey) {
        this.cipher = cipher;
        this.fingerprintKey = derive(secretKey);
    }

    static CodeSecrets under(String secretKey) {
        return new CodeSecrets(new SecretCipher(secretKey), secretKey);
    }

    public String seal(String code) {
        return cipher.encrypt(code);
    }

    public String open(String sealed) {
        return cipher.decrypt(sealed);
    }

    /** 64 hex characters; the same code of the same store always gives the same fingerprint. */
    public String fingerprint(String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A key of its own for fingerprints, so the encryption key is never used for two purposes. */
    private static byte[] derive(String secretKey) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("ordino code fingerprint\0" + secretKey).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
