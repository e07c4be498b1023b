package dev.ordino.plugins.smmv2;

import dev.ordino.plugin.api.ProviderOrderStatus;
import dev.ordino.plugin.api.ProviderOrderStatus.State;
import java.util.Locale;
import java.util.Map;

/** Turns one entry of a {@code status} answer into a {@link ProviderOrderStatus}. */
final class PanelStatuses {

    private PanelStatuses() {
    }

    static ProviderOrderStatus read(Object entry) {
        if (!(entry instanceof Map<?, ?> item)) {
            return unknown("Unexpected status entry from provider");
        }
        String error = PanelValues.text(item.get("error"));
        if (error != null) {
            return unknown(error);
        }
        Long startCount = PanelValues.whole(item.get("start_count"));
        Long remains = PanelValues.whole(item.get("remains"));
        var charge = PanelValues.decimal(item.get("charge"));
        String raw = PanelValues.text(item.get("status"));
        if (raw == null) {
            return new ProviderOrderStatus(State.UNKNOWN, startCount, remains, charge, "No status in provider answer");
        }
        State state = state(raw);
        String stateError = null;
        if (state == null) {
            state = State.UNKNOWN;
            stateError = isFailure(raw) ? "Provider reports " + raw : "Unknown status from provider: " + raw;
        }
        return new ProviderOrderStatus(state, startCount, remains, charge, stateError);
    }

    /** The state a panel's status word names, or {@code null} for failures and words we do not know. */
    static State state(String raw) {
        return switch (normalise(raw)) {
            case "pending" -> State.PENDING;
            case "inprogress" -> State.IN_PROGRESS;
            case "processing" -> State.PROCESSING;
            case "completed", "complete" -> State.COMPLETED;
            case "partial" -> State.PARTIAL;
            case "canceled", "cancelled" -> State.CANCELED;
            default -> null;
        };
    }

    private static boolean isFailure(String raw) {
        return switch (normalise(raw)) {
            case "fail", "failed", "error" -> true;
            default -> false;
        };
    }

    /** "In Progress", "in_progress", "Inprogress" and "in-progress" all read as "inprogress". */
    private static String normalise(String raw) {
        return raw.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
    }

    static ProviderOrderStatus unknown(String error) {
        return new ProviderOrderStatus(State.UNKNOWN, null, null, null, error);
    }
}
