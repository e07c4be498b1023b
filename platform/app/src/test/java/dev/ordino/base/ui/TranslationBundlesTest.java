package dev.ordino.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import dev.ordino.account.RegistrationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The three bundles say the same things: every error code main code can answer with has a
 * message in every language, every English text is translated with the same placeholders, and
 * nothing is blank. Plain file reading, no application context: a missing key fails here in a
 * second, with the list of keys to add, instead of reaching someone as {@code !error.x}.
 */
class TranslationBundlesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final List<String> LANGUAGES = List.of("", "_ru", "_id");

    /**
     * Where main code names an error code (API {@code code}, UI key {@code error.<code>}). Codes
     * must be string literals at these calls for this test to see them.
     */
    private static final Map<String, Pattern> CODE_SITES = Map.of(
            "DomainException.badRequest/conflict/notFound",
            Pattern.compile("\\b(?:badRequest|conflict|notFound)\\(\\s*\"([a-z0-9_]+)\""),
            "new DomainException(status, code, ...)",
            Pattern.compile("new DomainException\\(\\s*[^,;]+?,\\s*\"([a-z0-9_]+)\""),
            "ApiProblems.problem(status, code, ...)",
            Pattern.compile("\\bproblem\\(\\s*[\\w.()]+?,\\s*\"([a-z0-9_]+)\""),
            "ApiProblems.write(response, status, code, ...)",
            Pattern.compile("\\bwrite\\(\\s*\\w+,\\s*[\\w.()]+?,\\s*\"([a-z0-9_]+)\""),
            "a webhook answer of 4xx/5xx",
            Pattern.compile("new (?:Webhook)?Outcome\\(\\s*[45]\\d\\d,\\s*\"([a-z0-9_]+)\""),
            "a subtype's constructor: new PluginCallFailed(reason, sent, status, code, ...)",
            Pattern.compile("new PluginCallFailed\\([^;]*?\\b[45]\\d\\d,\\s*\"([a-z0-9_]+)\""));

    /**
     * Plugin calls answer {@code <noun>_busy}, {@code <noun>_timeout}, {@code <noun>_unavailable}
     * for whatever noun a call site names its target with ({@code provider}, {@code gateway},
     * {@code channel}, {@code plugin}): every noun with every ending.
     */
    private static final Pattern TARGET_NOUN = Pattern.compile("new (?:PluginCalls\\.)?Target\\([^;]*?,\\s*\"([a-z]+)\",");
    private static final Pattern NOUN_ENDING = Pattern.compile("\\bnoun\\(\\)\\s*\\+\\s*\"(_[a-z_]+)\"");

    /** A literal key handed to getTranslation: a typo shows as {@code !key}. */
    private static final Pattern LITERAL_KEY = Pattern.compile("getTranslation\\(\\s*\"([^\"]+)\"");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^{}]*}");

    @Test
    void everyErrorCodeThrownInMainCodeHasAMessageInEveryLanguage() throws IOException {
        Set<String> codes = errorCodes();
        Map<String, List<String>> missing = new TreeMap<>();
        for (String language : LANGUAGES) {
            Map<String, String> bundle = bundle(language).entries();
            List<String> absent = codes.stream().map(code -> "error." + code).filter(key -> !bundle.containsKey(key)).toList();
            if (!absent.isEmpty()) {
                missing.put(fileName(language), absent);
            }
        }
        assertThat(missing)
                .withFailMessage("Error codes thrown in main code without a message; add these keys:%n%s", listing(missing))
                .isEmpty();
    }

    @Test
    void everyRegistrationRefusalHasAMessageInEveryLanguage() throws IOException {
        // Registration refuses with its own exception and keys (registration.error.<reason>), not error.<code>.
        for (String language : LANGUAGES) {
            Map<String, String> bundle = bundle(language).entries();
            assertThat(Arrays.stream(RegistrationException.Reason.values()).map(RegistrationException.Reason::messageKey))
                    .as(fileName(language)).allMatch(bundle::containsKey);
        }
    }

    @Test
    void everyKeyMainCodeNamesLiterallyIsInTheEnglishBundle() throws IOException {
        Map<String, String> english = bundle("").entries();
        Matcher m = LITERAL_KEY.matcher(mainSources());
        Set<String> absent = new TreeSet<>();
        while (m.find()) {
            // A key that ends in a dot is the start of one put together at run time ("kind." + kind.key()).
            if (!m.group(1).endsWith(".") && !english.containsKey(m.group(1))) {
                absent.add(m.group(1));
            }
        }
        assertThat(absent).withFailMessage("Keys named in main code but absent from translations.properties:%n%s",
                String.join("\n", absent)).isEmpty();
    }

    @Test
    void everyBundleHasTheEnglishKeysAndNoOthers() throws IOException {
        Map<String, String> english = bundle("").entries();
        Map<String, List<String>> problems = new TreeMap<>();
        for (String language : LANGUAGES.subList(1, LANGUAGES.size())) {
            Map<String, String> translated = bundle(language).entries();
            List<String> untranslated = english.keySet().stream().filter(key -> !translated.containsKey(key)).toList();
            List<String> unknown = translated.keySet().stream().filter(key -> !english.containsKey(key)).toList();
            if (!untranslated.isEmpty()) {
                problems.put(fileName(language) + " lacks", untranslated);
            }
            if (!unknown.isEmpty()) {
                problems.put(fileName(language) + " has keys English lacks", unknown);
            }
        }
        assertThat(problems).withFailMessage("The bundles differ:%n%s", listing(problems)).isEmpty();
    }

    @Test
    void everyTranslationKeepsTheEnglishPlaceholdersAndFormats() throws IOException {
        Map<String, String> english = bundle("").entries();
        List<String> problems = new ArrayList<>();
        for (String language : LANGUAGES) {
            for (Map.Entry<String, String> entry : bundle(language).entries().entrySet()) {
                String key = entry.getKey();
                String text = entry.getValue();
                String where = fileName(language) + " " + key + "=" + text;
                if (english.containsKey(key) && !placeholders(text).equals(placeholders(english.get(key)))) {
                    problems.add(where + "  (English has " + placeholders(english.get(key)) + ")");
                }
                problems.addAll(formatProblems(where, text));
            }
        }
        assertThat(problems).withFailMessage("Placeholders that do not match or do not format:%n%s", String.join("\n", problems))
                .isEmpty();
    }

    @Test
    void noTextIsEmptyOrGivenTwice() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String language : LANGUAGES) {
            Bundle bundle = bundle(language);
            bundle.entries().forEach((key, text) -> {
                if (text.isBlank()) {
                    problems.add(fileName(language) + " " + key + " is empty");
                }
            });
            bundle.duplicates().forEach(key -> problems.add(fileName(language) + " " + key + " is given twice (the last one wins)"));
        }
        assertThat(problems).withFailMessage(String.join("\n", problems)).isEmpty();
    }

    @Test
    void bundlesAreUtf8() throws IOException {
        // Java reads a bundle that is not valid UTF-8 as ISO-8859-1, turning Cyrillic into mojibake without a word.
        for (String language : LANGUAGES) {
            byte[] bytes = resource(language).readAllBytes();
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                throw new AssertionError(fileName(language) + " is not valid UTF-8", e);
            }
        }
    }

    @Test
    void theScanFindsCodesAtEveryKindOfSite() throws IOException {
        // Guards the scan itself: a pattern that silently matches nothing would let every code through.
        String sources = mainSources();
        for (Map.Entry<String, Pattern> site : CODE_SITES.entrySet()) {
            assertThat(site.getValue().matcher(sources).find()).as("codes found at " + site.getKey()).isTrue();
        }
        assertThat(matches(TARGET_NOUN, sources)).as("plugin call targets").contains("provider", "gateway", "channel", "plugin");
        assertThat(matches(NOUN_ENDING, sources)).as("plugin call codes").contains("_busy", "_timeout", "_unavailable");
    }

    private static Set<String> errorCodes() throws IOException {
        String sources = mainSources();
        Set<String> codes = new TreeSet<>();
        for (Pattern site : CODE_SITES.values()) {
            codes.addAll(matches(site, sources));
        }
        for (String noun : matches(TARGET_NOUN, sources)) {
            matches(NOUN_ENDING, sources).forEach(ending -> codes.add(noun + ending));
        }
        return codes;
    }

    private static Set<String> matches(Pattern pattern, String sources) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(sources);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String mainSources() throws IOException {
        assertThat(SOURCES).as("main sources, relative to the module folder").isDirectory();
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    /**
     * Translations formats a text with MessageFormat only when it has arguments, so a quote is
     * doubled ({@code ''}) exactly in texts with placeholders; a lone quote there would swallow
     * the placeholders after it.
     */
    private static List<String> formatProblems(String where, String text) {
        Set<String> indices = placeholders(text);
        if (indices.isEmpty()) {
            return text.contains("''") ? List.of(where + "  (no placeholders: write ' once)") : List.of();
        }
        Object[] arguments = new Object[indices.stream().mapToInt(Integer::parseInt).max().orElseThrow() + 1];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = "<arg" + i + ">";
        }
        String formatted;
        try {
            formatted = new MessageFormat(text).format(arguments);
        } catch (IllegalArgumentException e) {
            return List.of(where + "  (" + e.getMessage() + ")");
        }
        List<String> lost = indices.stream().filter(i -> !formatted.contains("<arg" + i + ">")).toList();
        return lost.isEmpty() ? List.of() : List.of(where + "  (placeholders " + lost + " vanish: double the quote, '')");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private record Bundle(Map<String, String> entries, List<String> duplicates) {
    }

    private static Bundle bundle(String language) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        // Properties.load hands every line to put(), which is where a second value for a key shows.
        Properties reader = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (entries.put((String) key, (String) value) != null) {
                    duplicates.add((String) key);
                }
                return super.put(key, value);
            }
        };
        try (InputStream in = resource(language)) {
            reader.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        return new Bundle(entries, duplicates);
    }

    private static InputStream resource(String language) {
        InputStream in = TranslationBundlesTest.class.getResourceAsStream("/vaadin-i18n/" + fileName(language));
        assertThat(in).as(fileName(language)).isNotNull();
        return in;
    }

    private static String fileName(String language) {
        return "translations" + language + ".properties";
    }

    private static String listing(Map<String, List<String>> keys) {
        StringBuilder out = new StringBuilder();
        keys.forEach((file, list) -> out.append(file).append(" (").append(list.size()).append("):\n  ")
                .append(String.join("\n  ", list)).append('\n'));
        return out.toString();
    }
}
