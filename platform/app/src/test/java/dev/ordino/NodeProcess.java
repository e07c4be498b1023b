package dev.ordino;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Ordino node as a separate JVM, started from the test classpath (tests run before the jar
 * is packaged), for tests that need a real process: killed with {@code kill -9}, restarted on
 * the same data, or run beside another node on one database. Serves HTTP on a free port of
 * 127.0.0.1; its output goes to {@code target/nodes/<name>.log}. Production mode, no browser,
 * a modest heap.
 */
public final class NodeProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private NodeProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node. {@code env} is its environment on top of this JVM's (e.g.
     * {@code SPRING_DATASOURCE_URL}, {@code ORDINO_...}); {@code properties} become {@code -D} options.
     */
    public static NodeProcess start(String name, Map<String, String> env, Map<String, String> properties) {
        int port = freePort();
        Path folder = Path.of("target", "nodes").toAbsolutePath();
        Path log = folder.resolve(name + ".log");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("server.port", Integer.toString(port));
        options.put("server.address", "127.0.0.1");
        options.put("vaadin.productionMode", "true");
        options.put("vaadin.launch-browser", "false");
        options.put("java.io.tmpdir", folder.resolve("tmp").toString());
        options.put("ordino.data-dir", folder.resolve(name + "-data").toString());
        options.putAll(properties);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1"); // starts faster; these nodes live for seconds
        options.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classpath());
        command.add("dev.ordino.OrdinoApplication");
        try {
            Files.createDirectories(folder.resolve("tmp"));
            Files.writeString(log, "=== start " + name + " on port " + port + " ===\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new NodeProcess(name, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node " + name, e);
        }
    }

    /** The classpath of these tests: the real one when surefire hands this JVM a manifest-only jar. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code /actuator/health} answers UP; fails at once if the process ends. */
    public NodeProcess awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " ended with " + process.exitValue() + "; see " + log + "\n" + tail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Node " + name + " not healthy within " + timeout + "; see " + log + "\n" + tail());
    }

    /** {@code kill -9}: the process ends at once, with no shutdown hook and nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A graceful stop (SIGTERM); answers how long it took. Killed if it takes over a minute. */
    public Duration stop() throws InterruptedException {
        long begin = System.nanoTime();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** The last lines of the node's log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
