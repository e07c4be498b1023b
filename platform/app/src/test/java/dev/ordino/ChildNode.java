package dev.ordino;

import dev.ordino.base.db.EmbeddedMariaDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Ordino node as a separate JVM, started from the test classpath (tests run before the jar is
 * packaged), for tests that need a real process: stopped with SIGTERM and timed, killed with
 * {@code kill -9}, restarted on the same data, or run beside another node on one database. Serves
 * HTTP on a free port of 127.0.0.1 in production mode; its console goes to
 * {@code target/nodes/<name>.log}. {@link #close()} kills whatever is left of it, including the
 * embedded {@code mariadbd} it started, which outlives a {@code kill -9} of the JVM.
 */
public final class ChildNode implements AutoCloseable {

    private static final Path NODES = Path.of("target", "nodes").toAbsolutePath();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Path dataDir;
    /** What the JVM started, recorded before a kill: once the JVM is gone they are nobody's children. */
    private final List<ProcessHandle> started = new ArrayList<>();

    private ChildNode(String name, Process process, int port, Path log, Path dataDir) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.dataDir = dataDir;
    }

    /**
     * Starts a node and waits until {@code /actuator/health} answers UP (at most {@code limit}). Its
     * data folder is {@code target/nodes/<name>-data} unless {@code properties} set {@code ordino.data-dir};
     * {@code env} is its environment on top of this JVM's (e.g. {@link Database#env()}, {@code ORDINO_...});
     * {@code properties} become {@code -D} options. A node that fails to start is killed.
     */
    public static ChildNode start(String name, Map<String, String> env, Map<String, String> properties, Duration limit)
            throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(NODES);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("server.port", Integer.toString(port));
        options.put("server.address", "127.0.0.1");
        options.put("vaadin.productionMode", "true");
        options.put("vaadin.launch-browser", "false");
        options.put("spring.main.banner-mode", "off");
        options.put("java.io.tmpdir", System.getProperty("java.io.tmpdir"));
        String binaries = System.getProperty("ordino.mariadb.binaries");
        if (binaries != null) {
            options.put("ordino.mariadb.binaries", binaries); // one unpacked copy of the server's programs for every node
        }
        options.put("ordino.data-dir", NODES.resolve(name + "-data").toString());
        options.putAll(properties);
        Path dataDir = Path.of(options.get("ordino.data-dir")).toAbsolutePath();
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")); // few threads, quick start: these nodes live for seconds
        options.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", classpath(), OrdinoApplication.class.getName()));
        Path log = NODES.resolve(name + ".log");
        Files.writeString(log, "=== " + name + " on port " + port + " ===\n", StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        ChildNode node = new ChildNode(name, builder.start(), port, log, dataDir);
        try {
            node.awaitHealthy(limit);
        } catch (RuntimeException | Error | InterruptedException e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** The classpath of these tests: the real one when surefire hands this JVM a manifest-only jar. */
    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitHealthy(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Node " + name + " exited with " + process.exitValue() + " while starting:\n" + logTail(80));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Node " + name + " did not answer within " + limit + ":\n" + logTail(80));
    }

    /** {@code kill -9} of the JVM: it ends at once, with no shutdown hook and nothing flushed. Its mariadbd, if any, lives on. */
    public void kill() throws InterruptedException {
        started.addAll(process.descendants().toList());
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM and answers how long the process took to exit; fails with its thread dump if it outlives {@code limit}. */
    public Duration terminate(Duration limit) throws InterruptedException {
        long begin = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        if (!exited) {
            String dump = threadDump();
            close();
            throw new AssertionError("Node " + name + " did not stop within " + limit + "; its threads:\n" + dump
                    + "\nlog:\n" + logTail(80));
        }
        return took;
    }

    /** The exit code after {@link #terminate}. */
    public int exitValue() {
        return process.exitValue();
    }

    /** The last lines of the node's console, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Kills the node and what it started (its embedded mariadbd), if they still run. */
    @Override
    public void close() {
        if (process.isAlive()) {
            started.addAll(process.descendants().toList());
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        started.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * A database of its own for child nodes, as an external database: on the test JVM's embedded
     * MariaDB (with its generated password), or on {@code ORDINO_TEST_DB_URL}'s server. Closing it
     * gives back this JVM's hold on the embedded server (the database itself stays).
     */
    public record Database(String url, String user, String password, EmbeddedMariaDb server) implements AutoCloseable {

        public static Database fresh(String prefix) {
            String name = prefix + "_" + System.nanoTime();
            String external = System.getenv("ORDINO_TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                String url = external.replaceFirst("(jdbc:mariadb://[^/]+/)[^?]*", "$1" + name);
                return new Database(url.contains("createDatabaseIfNotExist") ? url
                        : url + (url.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true",
                        System.getenv().getOrDefault("ORDINO_TEST_DB_USERNAME", ""),
                        System.getenv().getOrDefault("ORDINO_TEST_DB_PASSWORD", ""), null);
            }
            EmbeddedMariaDb server = EmbeddedMariaDb.startIn(Path.of("target", "test-data", "mariadb"));
            return new Database(server.jdbcUrl(name), server.username(), server.password(), server);
        }

        /** The environment that points a node at this database. */
        public Map<String, String> env() {
            return Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", user, "SPRING_DATASOURCE_PASSWORD", password);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
