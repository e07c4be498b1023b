package dev.ordino.base.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded server's generated password, in {@code <data dir>/mariadb/password}, readable by
 * the owner only (like the secret key). It is written as {@code password.new} first and renamed
 * once the server accepts it, so a crash in between only means the next start sets a new one.
 */
final class ServerPassword {

    static final String FILE = "password";

    private final Path file;
    private final Path pending;

    private ServerPassword(Path home) {
        this.file = home.resolve(FILE);
        this.pending = home.resolve(FILE + ".new");
    }

    static ServerPassword in(Path home) {
        return new ServerPassword(home);
    }

    Path file() {
        return file;
    }

    boolean isSet() {
        return Files.isRegularFile(file);
    }

    String read() throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** A new random password, written owner-only beside the final file. */
    String generatePending() throws IOException {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.deleteIfExists(pending);
        if (posix()) {
            Files.createFile(pending, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(pending, password, StandardCharsets.UTF_8);
        return password;
    }

    void commitPending() throws IOException {
        Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The server's folder holds its socket and this password: no one but the owner may enter it. */
    static void ownerOnly(Path folder) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
