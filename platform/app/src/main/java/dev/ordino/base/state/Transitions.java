package dev.ordino.base.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The allowed moves of one state machine held in an enum, the column its states are stored in
 * (as the lower-case names of the constants), and the one place a move the machine does not
 * allow is refused.
 */
public final class Transitions<S extends Enum<S>> {

    private final Class<S> type;
    private final String column;
    private final Map<S, Set<S>> allowed;

    private Transitions(Class<S> type, String column) {
        this.type = type;
        this.column = column;
        this.allowed = new EnumMap<>(type);
        for (S state : type.getEnumConstants()) {
            allowed.put(state, EnumSet.noneOf(type));
        }
    }

    /** A machine with no moves yet, stored in {@code column}; {@link #allow} adds them while the enum is set up. */
    public static <S extends Enum<S>> Transitions<S> of(Class<S> type, String column) {
        return new Transitions<>(type, column);
    }

    @SafeVarargs
    public final Transitions<S> allow(S from, S... to) {
        Collections.addAll(allowed.get(from), to);
        return this;
    }

    public boolean allows(S from, S to) {
        return allowed.get(from).contains(to);
    }

    /** Where a state may go; empty for a final one. */
    public Set<S> next(S from) {
        Set<S> next = allowed.get(from);
        return next.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(next));
    }

    /**
     * Refuses a move the machine does not allow.
     *
     * @throws IllegalStateException naming both states
     */
    public S move(S from, S to) {
        if (!allows(from, to)) {
            throw new IllegalStateException(type.getSimpleName() + ": " + key(from) + " cannot become " + key(to));
        }
        return to;
    }

    /**
     * The SQL condition that a row is in one of {@code sources} ({@code state IN ('unknown', 'attention')}),
     * for an update that moves it to {@code to}: a row that moved elsewhere meanwhile is left alone.
     *
     * @throws IllegalStateException when the machine does not allow one of the moves
     */
    public String guard(S to, List<S> sources) {
        sources.forEach(from -> move(from, to));
        return in(sources);
    }

    /** The SQL condition that a row is in one of the states: {@code state IN ('open', 'done')}. */
    public String in(Iterable<S> states) {
        List<String> literals = new ArrayList<>();
        states.forEach(s -> literals.add(literal(s)));
        if (literals.isEmpty()) {
            throw new IllegalArgumentException("No states for " + column);
        }
        return literals.stream().collect(Collectors.joining(", ", column + " IN (", ")"));
    }

    /** The state stored as {@code value}. */
    public S parse(String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a " + type.getSimpleName() + ": " + value, e);
        }
    }

    /** How a state is stored and shown: the lower-case name of its constant. */
    public static String key(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** The stored form as an SQL string literal; safe to put in SQL text, as it comes from a constant's name. */
    public static String literal(Enum<?> state) {
        return "'" + key(state) + "'";
    }
}
