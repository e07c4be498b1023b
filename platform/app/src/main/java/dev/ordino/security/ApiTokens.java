package dev.ordino.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * API bearer tokens: HMAC-signed JWTs, checked by signature on every request (no hashing of a
 * stored secret, no database lookup). The key is derived from {@code ORDINO_SECRET_KEY}, so all
 * nodes accept each other's tokens.
 */
public class ApiTokens {

    public static final Duration LIFETIME = Duration.ofHours(1);
    private static final String ISSUER = "ordino";

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Clock clock;

    public ApiTokens(String secretKey, Clock clock) {
        SecretKey key = new SecretKeySpec(derive(secretKey), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        this.clock = clock;
    }

    /** A token for the account; {@code roles} without the ROLE_ prefix. */
    public String issue(long accountId, String email, Collection<String> roles) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject(Long.toString(accountId))
                .issuedAt(now).expiresAt(now.plus(LIFETIME)).claim("email", email).claim("roles", List.copyOf(roles)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    private static byte[] derive(String secretKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("ordino-api-tokens:" + secretKey).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
