package dev.ordino;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module writes, locks and reads only its own tables; another module's data comes through that
 * module's API. Checked over the SQL in main code: every string literal and text block of a
 * module's classes, where a table name follows {@code FROM}, {@code JOIN}, {@code INTO},
 * {@code UPDATE} or {@code TABLE}.
 */
class TableOwnershipTest {

    static final Path MAIN = Path.of("src", "main", "java", "dev", "ordino");
    /** This tree's changelogs, not the packaged ones on the class path (which may be another build's). */
    static final Path CHANGELOGS = Path.of("..", "..", "liquibase", "changelog");

    /** Every table of the changelogs, and the module that owns it. */
    static final Map<String, String> OWNER = owners(
            "account", "app_user app_user_role account_token",
            "catalog", "category offering offering_package",
            "ordering", "customer_order order_item order_refund order_timeline cart_item order_handover order_rating",
            "wallet", "wallet ledger_entry wallet_adjustment",
            "payment", "payment payment_event payment_refund gateway_instance webhook_rejection",
            "fulfilment", "provider_instance provider_order provider_log provider_refill offering_provider",
            "notification", "notification_delivery notification_channel notification_preference",
            "reseller", "api_key api_call api_bucket price_tier",
            "stock", "code_stock",
            "audit", "audit_log",
            "store", "store_setting store_logo",
            "security", "sign_in_bucket",
            // event_publication is Spring Modulith's registry, replayed by base/events
            "base", "app_node admin_alert live_change shedlock event_publication");

    private static final Pattern CREATE_TABLE = Pattern.compile("<createTable[^>]*tableName=\"([a-z_0-9]+)\"");
    private static final Pattern SQL_TABLE = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)");
    /** Comments (skipped), text blocks and string literals (kept), char literals (skipped, they may hold a quote). */
    private static final Pattern TOKEN = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"|'(?:\\\\.|[^'\\\\])'", Pattern.DOTALL);

    @Test
    void everyTableOfTheChangelogsHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CHANGELOGS)) {
            for (Path changelog : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(changelog));
                while (m.find()) {
                    created.add(m.group(1));
                }
            }
        }
        assertThat(created).isNotEmpty();
        assertThat(OWNER.keySet()).containsAll(created);
    }

    @Test
    void noModulesSqlNamesATableAnotherModuleOwns() throws IOException {
        assertThat(violations()).isEmpty();
    }

    @Test
    void theCheckSeesSqlInLiteralsAndTextBlocksButNotInComments() {
        String source = """
                // SELECT * FROM wallet
                String a = "SELECT id FROM app_user WHERE email = ?";
                String b = \"""
                        UPDATE customer_order SET status = ?
                        \""";
                char q = '"';
                String c = "JOIN offering o ON o.id = m.offering_id";
                """;
        assertThat(tablesNamed(source)).containsExactly("app_user", "customer_order", "offering");
    }

    static List<String> violations() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class belongs to no module
                }
                String module = relative.getName(0).toString();
                for (String table : tablesNamed(Files.readString(file))) {
                    String owner = OWNER.get(table);
                    if (owner != null && !owner.equals(module)) {
                        violations.add(relative + " (" + module + ") names " + table + " of " + owner);
                    }
                }
            }
        }
        return violations;
    }

    /** Table names, in order of appearance, that the SQL in the source's string literals names. */
    static List<String> tablesNamed(String source) {
        List<String> tables = new ArrayList<>();
        Matcher token = TOKEN.matcher(source);
        while (token.find()) {
            String literal = token.group(1) != null ? token.group(1) : token.group(2);
            if (literal == null) {
                continue;
            }
            Matcher sql = SQL_TABLE.matcher(literal);
            while (sql.find()) {
                String name = sql.group(1).toLowerCase(Locale.ROOT);
                if (OWNER.containsKey(name)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /** Pairs of a module and its tables, space-separated. */
    private static Map<String, String> owners(String... moduleAndTables) {
        Map<String, String> owner = new HashMap<>();
        for (int i = 0; i < moduleAndTables.length; i += 2) {
            for (String table : moduleAndTables[i + 1].split(" ")) {
                owner.put(table, moduleAndTables[i]);
            }
        }
        return Map.copyOf(owner);
    }
}
