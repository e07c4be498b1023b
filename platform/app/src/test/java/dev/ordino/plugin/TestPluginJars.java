package dev.ordino.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Plugin jars for tests, made from the real built notify-log plugin. */
public final class TestPluginJars {

    /** Where the build put the bundled plugin jars (maven-dependency-plugin, see the app's pom). */
    public static final Path BUILT_PLUGINS = Path.of("target", "plugins");
    public static final Path NOTIFY_LOG = BUILT_PLUGINS.resolve("notify-log.jar");

    private TestPluginJars() {
    }

    public static Path copyRealPlugin(Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.copy(NOTIFY_LOG, folder.resolve("notify-log.jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A file named .jar that is no jar at all. */
    public static Path garbageJar(Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.write(folder.resolve("broken-download.jar"), "this is not a zip file".getBytes());
    }

    /** The real plugin under another id, asking for a plugin API this Ordino does not provide. */
    public static Path requiringNewerApi(Path folder) throws IOException {
        return rewritten(folder, "notify-future.jar", "notify-future", ">=2.0.0 & <3.0.0", null);
    }

    /** The real plugin under another id, whose Plugin-Class does not exist: it fails to load. */
    public static Path withMissingPluginClass(Path folder) throws IOException {
        return rewritten(folder, "notify-missing-class.jar", "notify-missing-class", null, "dev.ordino.NoSuchPlugin");
    }

    private static Path rewritten(Path folder, String fileName, String pluginId, String requires, String pluginClass)
            throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName);
        try (JarFile source = new JarFile(NOTIFY_LOG.toFile())) {
            Manifest manifest = new Manifest(source.getManifest());
            Attributes attributes = manifest.getMainAttributes();
            attributes.putValue("Plugin-Id", pluginId);
            if (requires != null) {
                attributes.putValue("Plugin-Requires", requires);
            }
            if (pluginClass != null) {
                attributes.putValue("Plugin-Class", pluginClass);
            }
            try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, manifest)) {
                var entries = source.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    jar.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(jar);
                    }
                    jar.closeEntry();
                }
            }
        }
        return target;
    }
}
