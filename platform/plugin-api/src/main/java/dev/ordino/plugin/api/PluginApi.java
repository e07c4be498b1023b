package dev.ordino.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this API. The host uses it as PF4J's system version, so a plugin whose
 * {@code Plugin-Requires} does not accept it is refused. Semantic versioning: a new major
 * version means plugins built against the old one must be rebuilt.
 */
public final class PluginApi {

    private static final String VERSION = readVersion();

    private PluginApi() {
    }

    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = PluginApi.class.getResourceAsStream("plugin-api.properties")) {
            if (in == null) {
                throw new IllegalStateException("plugin-api.properties is missing from the plugin API jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
