package dev.ordino.base.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;

/**
 * Many rows as a derived table, so that one statement changes them all:
 * {@code UPDATE t JOIN (SELECT ? AS id, ? AS status UNION ALL SELECT ?, ? ...) v ON t.id = v.id SET t.status = v.status}.
 * A JDBC batch of single-row updates reaches MariaDB as that many statements, each parsed and run
 * on its own; the join costs a fraction per row. Ids should be numbers, so the join uses the key.
 */
@NamedInterface("db")
public final class RowValues {

    /** Rows per statement: a few hundred keep statements small and locks short. */
    static final int CHUNK = 500;

    private RowValues() {
    }

    /**
     * Runs {@code sql}, whose {@code %s} stands for the derived table, over the rows, {@value #CHUNK} at
     * a time; {@code after} fills the placeholders after the table. Each row must name a different
     * target row (a row joined twice is changed once). Answers the rows changed.
     */
    public static int update(JdbcTemplate jdbc, String sql, List<String> columns, List<Object[]> rows, Object... after) {
        int changed = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            changed += jdbc.update(sql.formatted(table(chunk.size(), columns)), params(chunk, after));
        }
        return changed;
    }

    /** The derived table, in parentheses, for {@code rows} rows of the named columns. */
    static String table(int rows, List<String> columns) {
        if (rows < 1 || columns.isEmpty()) {
            throw new IllegalArgumentException("A row table needs rows and columns");
        }
        StringBuilder sql = new StringBuilder("(SELECT ");
        for (int c = 0; c < columns.size(); c++) {
            sql.append(c == 0 ? "? AS " : ", ? AS ").append(columns.get(c));
        }
        String next = " UNION ALL SELECT " + String.join(", ", Collections.nCopies(columns.size(), "?"));
        for (int r = 1; r < rows; r++) {
            sql.append(next);
        }
        return sql.append(')').toString();
    }

    /** Every row's values in order, then {@code after}. */
    static Object[] params(List<Object[]> rows, Object... after) {
        List<Object> params = new ArrayList<>();
        for (Object[] row : rows) {
            Collections.addAll(params, row);
        }
        Collections.addAll(params, after);
        return params.toArray();
    }
}
