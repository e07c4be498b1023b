package dev.ordino.plugin.faulty;

import org.pf4j.Plugin;

/** Plugin classes of the fault-injection jars. */
public final class FaultyPlugins {

    private FaultyPlugins() {
    }

    /** Starts at once. */
    public static class Quiet extends Plugin {
    }

    /** Its {@code start()} takes five minutes. */
    public static class SlowStart extends Plugin {
        @Override
        public void start() {
            try {
                Thread.sleep(300_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Its constructor throws. */
    public static class BrokenConstructor extends Plugin {
        public BrokenConstructor() {
            throw new IllegalStateException("licence file missing");
        }
    }
}
