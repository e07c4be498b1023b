package dev.ordino.plugin;

import dev.ordino.plugin.faulty.FaultyGateway;
import dev.ordino.plugin.faulty.FaultyPlugins;
import dev.ordino.plugin.faulty.FaultyProvider;
import dev.ordino.plugin.faulty.ScriptedGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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

    /** The faulty provider ({@code FaultyProvider}) as plugin {@code provider-faulty}. */
    public static Path faultyProvider(Path folder) throws IOException {
        return faultyPlugin(folder, "provider-faulty", FaultyPlugins.Quiet.class, FaultyProvider.class);
    }

    /**
     * The scripted gateways ({@code ScriptedGateway}): as a plugin built for 1.1, {@code payment-scripted},
     * and as one built for 1.2 whose payments staff confirm, {@code transfer-scripted}.
     */
    public static void scriptedGateways(Path folder) throws IOException {
        faultyPlugin(folder, "payment-scripted", FaultyPlugins.Quiet.class, ScriptedGateway.class);
        faultyPlugin(folder, "transfer-scripted", FaultyPlugins.Quiet.class, ScriptedGateway.ByStaff.class);
    }

    /** The faulty payment gateway ({@code FaultyGateway}) as plugin {@code gateway-faulty}. */
    public static Path faultyGateway(Path folder) throws IOException {
        return faultyPlugin(folder, "gateway-faulty", FaultyPlugins.Quiet.class, FaultyGateway.class);
    }

    /** A plugin whose {@code start()} takes five minutes. */
    public static Path slowStarting(Path folder) throws IOException {
        return faultyPlugin(folder, "slow-start", FaultyPlugins.SlowStart.class);
    }

    /**
     * A plugin jar made of the fault-injection classes compiled with the tests ({@code dev.ordino.plugin.faulty}),
     * with a PF4J manifest and an extension index naming {@code extensions}.
     */
    public static Path faultyPlugin(Path folder, String pluginId, Class<?> pluginClass, Class<?>... extensions) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(pluginId + ".jar");
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", pluginId);
        attributes.putValue("Plugin-Version", "1.0.0");
        attributes.putValue("Plugin-Class", pluginClass.getName());
        attributes.putValue("Plugin-Requires", ">=1.1.0 & <2.0.0");
        Path classes = Path.of("target", "test-classes");
        String packagePath = FaultyProvider.class.getPackageName().replace('.', '/');
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, manifest);
             var files = Files.list(classes.resolve(packagePath))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                jar.putNextEntry(new JarEntry(packagePath + "/" + file.getFileName()));
                Files.copy(file, jar);
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            StringBuilder index = new StringBuilder();
            for (Class<?> extension : extensions) {
                index.append(extension.getName()).append('\n');
            }
            jar.write(index.toString().getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return target;
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
