package dev.ordino.stock;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading an upload: one code per line (a TXT file, a pasted list, or the first column of a
 * CSV file, quotes taken off). Lines are numbered from 1 as an editor numbers them.
 */
public final class CodeUpload {

    /** The longest code kept; longer lines are refused as invalid. */
    public static final int MAX_CODE = 500;

    private CodeUpload() {
    }

    /** A line that is no code, and why: {@code empty}, {@code too_long}, {@code control_characters}. */
    public record Invalid(int line, String reason) {
    }

    /** What an upload holds: codes with their line numbers, and the lines that are no code. */
    record Lines(List<String> codes, List<Integer> numbers, List<Invalid> invalid) {
    }

    static Lines read(List<String> lines) {
        List<String> codes = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<Invalid> invalid = new ArrayList<>();
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isBlank()) {
            last--; // trailing blank lines are the end of the file, not empty codes
        }
        for (int i = 0; i < last; i++) {
            String code = unquote(lines.get(i).strip());
            String reason = code.isEmpty() ? "empty" : code.length() > MAX_CODE ? "too_long"
                    : code.chars().anyMatch(Character::isISOControl) ? "control_characters" : null;
            if (reason != null) {
                invalid.add(new Invalid(i + 1, reason));
            } else {
                codes.add(code);
                numbers.add(i + 1);
            }
        }
        return new Lines(codes, numbers, invalid);
    }

    /** A CSV line: its first field, without the quotes a spreadsheet puts around it. */
    private static String unquote(String line) {
        if (line.startsWith("\"")) {
            int end = line.indexOf('"', 1);
            while (end > 0 && end + 1 < line.length() && line.charAt(end + 1) == '"') {
                end = line.indexOf('"', end + 2);
            }
            return end > 0 ? line.substring(1, end).replace("\"\"", "\"").strip() : line;
        }
        return line;
    }
}
