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
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * API bearer tokens: HMAC-signed JWTs, checked by signature on every request (no hashing of a
 * stored secret). The key is derived from {@code ORDINO_SECRET_KEY}, so all nodes accept each
 * other's tokens. Each token carries the account's security version ({@code ver}); a token whose
 * account was disabled, or whose roles or password changed since, is refused (see
 * {@link SignInVersions}, which reads the account at most every few seconds).
 */
public class ApiTokens {

    public static final Duration LIFETIME = Duration.ofHours(1);
    private static final String ISSUER = "ordino";
    private static final String VERSION = "ver";

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Clock clock;

    public ApiTokens(String secretKey, Clock clock, SignInVersions versions) {
        SecretKey key = new SecretKeySpec(derive(secretKey), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), jwt -> current(jwt, versions)));
        this.clock = clock;
    }

    /** A token for the account at its current security version; {@code roles} without the ROLE_ prefix. */
    public String issue(long accountId, String email, Collection<String> roles, long securityVersion) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject(Long.toString(accountId))
                .issuedAt(now).expiresAt(now.plus(LIFETIME)).claim("email", email).claim("roles", List.copyOf(roles))
                .claim(VERSION, securityVersion).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    private static OAuth2TokenValidatorResult current(Jwt jwt, SignInVersions versions) {
        Object version = jwt.getClaims().get(VERSION);
        boolean current;
        try {
            current = version instanceof Number number && versions.isCurrent(Long.parseLong(jwt.getSubject()), number.longValue());
        } catch (NumberFormatException notAnAccountId) {
            current = false;
        }
        return current ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was revoked; sign in again", null));
    }

    private static byte[] derive(String secretKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("ordino-api-tokens:" + secretKey).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
