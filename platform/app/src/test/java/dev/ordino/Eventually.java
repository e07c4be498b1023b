package dev.ordino;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for work done after a commit, on other threads, to show. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls {@code condition} every 50 ms; fails after 30 s. */
    public static void eventually(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Condition not met within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
