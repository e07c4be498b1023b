package dev.ordino.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The host asks plugins what they can do (plugin API 1.2 capabilities) and never names one: no
 * bundled plugin's id or extension key appears as a string literal in the application's code. A
 * host that tested {@code "payment-manual"} would treat a third-party bank-transfer plugin as a
 * card gateway. Ids and keys are read from the bundled plugins' sources, so a new plugin is
 * covered without touching this test.
 */
class HostNamesNoPluginTest {

    static final Path MAIN = Path.of("src", "main", "java");
    static final Path PLUGINS = Path.of("..", "..", "plugins");
    /** Keys that are also words the host uses for its own things: an order staff mark paid is paid "manual"ly. */
    static final Set<String> ORDINARY_WORDS = Set.of("manual");

    static final Pattern PLUGIN_ID = Pattern.compile("<plugin\\.id>([^<]+)</plugin\\.id>");
    static final Pattern EXTENSION_KEY = Pattern.compile("String key\\(\\)\\s*\\{\\s*return \"([^\"]+)\";");
    static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");

    @Test
    void noBundledPluginIdOrExtensionKeyIsWrittenInHostCode() throws IOException {
        Set<String> names = bundledNames();
        assertThat(names).as("read from the plugins' sources")
                .contains("payment-manual", "provider-smm-v2", "provider-demo", "midtrans", "stripe");

        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(Files.readString(file)).replaceAll("")).replaceAll("");
                for (String name : names) {
                    if (code.contains("\"" + name + "\"")) {
                        found.add(MAIN.relativize(file) + " names \"" + name + "\"");
                    }
                }
            }
        }
        assertThat(found).as("ask the plugin for a capability instead").isEmpty();
    }

    @Test
    void theScanSeesALiteralInCodeButNotInAComment() {
        String code = "/** like {@code \"payment-manual\"} */ class A { boolean b = \"stripe\".equals(x); }";
        String stripped = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(code).replaceAll("")).replaceAll("");
        assertThat(stripped).contains("\"stripe\"").doesNotContain("\"payment-manual\"");
    }

    /** Every bundled plugin's id (its pom) and extension keys (its sources), less ordinary words. */
    static Set<String> bundledNames() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(PLUGINS)) {
            for (Path file : files.filter(f -> f.endsWith("pom.xml") || (f.toString().endsWith(".java") && f.toString().contains("src/main")))
                    .toList()) {
                Matcher matcher = (file.endsWith("pom.xml") ? PLUGIN_ID : EXTENSION_KEY).matcher(read(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        names.removeIf(name -> name.startsWith("$"));
        names.removeAll(ORDINARY_WORDS);
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
