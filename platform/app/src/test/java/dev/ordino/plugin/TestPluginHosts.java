package dev.ordino.plugin;

import java.nio.file.Path;
import java.util.List;

/** A plugin host outside Spring for tests of other modules. */
public final class TestPluginHosts {

    private TestPluginHosts() {
    }

    public static PluginHost started(List<Path> roots, PluginLimits limits) {
        PluginHost host = new PluginHost(roots, limits);
        host.start();
        return host;
    }

    /** Instance settings checked by the given host's plugins. */
    public static InstanceSettings instanceSettings(PluginHost host, dev.ordino.base.crypto.SecretCipher cipher) {
        return new InstanceSettings(host, cipher);
    }
}
