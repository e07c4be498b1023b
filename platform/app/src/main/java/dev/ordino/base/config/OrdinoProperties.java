package dev.ordino.base.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.modulith.NamedInterface;

/**
 * Store-wide settings that exist from the first start. Each can be set as an environment
 * variable: {@code ORDINO_PUBLIC_URL}, {@code ORDINO_SECRET_KEY}, {@code ORDINO_DATA_DIR},
 * {@code ORDINO_PLUGINS_DIR}, {@code ORDINO_ADMIN_EMAIL}, {@code ORDINO_ADMIN_PASSWORD}.
 *
 * @param publicUrl     the address customers and gateways reach, used for links and webhook URLs
 * @param secretKey     encrypts secrets at rest; on the embedded default generated once into the data dir
 * @param dataDir       where the embedded database and generated files live
 * @param pluginsDir    an extra folder to load plugin jars from, besides the one next to the application jar
 * @param adminEmail    an admin account ensured at every start, with {@code adminPassword}
 * @param adminPassword see {@code adminEmail}
 */
@NamedInterface("config")
@ConfigurationProperties(prefix = "ordino")
public record OrdinoProperties(String publicUrl, String secretKey, Path dataDir, Path pluginsDir,
                               String adminEmail, String adminPassword) {

    public OrdinoProperties {
        if (publicUrl == null || publicUrl.isBlank()) {
            publicUrl = "http://localhost:8080";
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public boolean hasAdminAccount() {
        return adminEmail != null && !adminEmail.isBlank() && adminPassword != null && !adminPassword.isBlank();
    }
}
