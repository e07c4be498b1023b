package dev.ordino.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher behind ./mvnw and .mvn/java finds a JDK 21+ when the default one is older, or says what is missing. */
class JdkFinderTest {

    private static final Path SCRIPT = Path.of("..", "..", ".mvn", "jdk.sh").toAbsolutePath().normalize();

    @TempDir
    Path jdks;

    /** A fake JDK whose java reports the given version. */
    private Path fakeJdk(String name, int version) throws Exception {
        Path bin = Files.createDirectories(jdks.resolve(name).resolve("bin"));
        for (String tool : new String[]{"java", "javac"}) {
            Path file = bin.resolve(tool);
            Files.writeString(file, "#!/bin/sh\necho '    java.specification.version = " + version + "' >&2\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return jdks.resolve(name);
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", ". '" + SCRIPT + "' && echo \"$JAVA_HOME\"");
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin"); // sed, head; JAVA_HOME is always set here
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes()).strip(),
                new String(process.getErrorStream().readAllBytes()));
    }

    @Test
    void anOldJavaHomeIsReplacedByTheNewestJdk21OrLater() throws Exception {
        Path old = fakeJdk("jdk-17", 17);
        fakeJdk("jdk-21", 21);
        Path newest = fakeJdk("jdk-25", 25);
        Run run = run(Map.of("JAVA_HOME", old.toString(), "ORDINO_JDK_SEARCH", jdks + "/*"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(newest.toRealPath().toString());
    }

    @Test
    void aJavaHomeThatIsRecentEnoughIsKept() throws Exception {
        Path kept = fakeJdk("jdk-21", 21);
        fakeJdk("jdk-25", 25);
        Run run = run(Map.of("JAVA_HOME", kept.toString(), "ORDINO_JDK_SEARCH", jdks + "/*"));
        assertThat(run.out()).isEqualTo(kept.toString());
    }

    @Test
    void withoutAnyJdk21ItSaysPlainlyWhatIsMissing() throws Exception {
        Path old = fakeJdk("jdk-17", 17);
        Run run = run(Map.of("JAVA_HOME", old.toString(), "ORDINO_JDK_SEARCH", jdks + "/*"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Ordino needs a JDK 21 or newer, and none was found.").contains("set JAVA_HOME");
    }
}
