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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application in a child JVM started from the test classpath (no jar exists while tests run),
 * on its own data folder and a free port: a real process that a test can stop with SIGTERM and
 * time. Its console goes to {@code node.log} in the data folder.
 */
public final class ChildNode implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ChildNode(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a node on {@code dataDir} with these extra {@code -D} properties and waits until it answers. */
    public static ChildNode start(Path dataDir, Map<String, String> properties, Duration limit) throws Exception {
        Files.createDirectories(dataDir);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dserver.port=" + port,
                "-Dordino.data-dir=" + dataDir.toAbsolutePath(),
                "-Dvaadin.productionMode=true",
                "-Dspring.main.banner-mode=off"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OrdinoApplication.class.getName()));
        Path log = dataDir.resolve("node.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ChildNode node = new ChildNode(process, port, log);
        try {
            node.awaitReady(limit);
        } catch (Exception | AssertionError e) {
            node.close();
            throw e;
        }
        return node;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM and answers how long the process took to exit; kills it if it outlives {@code limit}. */
    public Duration terminate(Duration limit) throws InterruptedException {
        long begin = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        if (!exited) {
            String dump = threadDump();
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("The node did not stop within " + limit + "; its threads:\n" + dump
                    + "\nlog:\n" + logTail(80));
        }
        return took;
    }

    /** The exit code after {@link #terminate}. */
    public int exitValue() {
        return process.exitValue();
    }

    /** The last lines of the node's console. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole console so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String threadDump() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(20, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    private void awaitReady(Duration limit) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The node exited with " + process.exitValue() + " while starting:\n" + logTail(80));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The node did not answer within " + limit + ":\n" + logTail(80));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kills the node and what it started (its embedded mariadbd) if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
