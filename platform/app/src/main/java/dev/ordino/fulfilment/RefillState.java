package dev.ordino.fulfilment;

import dev.ordino.base.state.Transitions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a refill stands at its provider. {@code provider_refill.status} keeps the provider's own
 * word ("Pending", "In progress", "Completed", "Canceled"...), shown as received; this is how those
 * words are read: any word that is not one of the end states' is still running.
 */
enum RefillState {
    RUNNING, COMPLETED("completed"), REJECTED("rejected"), CANCELED("canceled", "cancelled"), FAILED("error", "fail");

    private static final Transitions<RefillState> MACHINE = Transitions.of(RefillState.class, "status")
            .allow(RUNNING, RUNNING, COMPLETED, REJECTED, CANCELED, FAILED);

    private static final Map<String, RefillState> BY_WORD = Arrays.stream(values())
            .flatMap(state -> state.words.stream().map(word -> Map.entry(word, state)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /** Every provider word that ends a refill, in lower case. */
    static final List<String> END_WORDS = BY_WORD.keySet().stream().sorted().toList();

    private final List<String> words;

    RefillState(String... words) {
        this.words = List.of(words);
    }

    /** The state a provider's word stands for. */
    static RefillState of(String providerWord) {
        return providerWord == null ? RUNNING
                : BY_WORD.getOrDefault(providerWord.strip().toLowerCase(Locale.ROOT), RUNNING);
    }

    boolean canMoveTo(RefillState next) {
        return MACHINE.allows(this, next);
    }

    boolean isFinal() {
        return MACHINE.next(this).isEmpty();
    }

    /** The SQL condition that the refill in {@code column} (the provider's word) is still running. */
    static String running(String column) {
        return END_WORDS.stream().map(word -> "'" + word + "'")
                .collect(Collectors.joining(", ", "LOWER(" + column + ") NOT IN (", ")"));
    }
}
