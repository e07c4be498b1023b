package dev.ordino.base.ui;

import com.vaadin.flow.component.html.Span;

/**
 * A configured plugin instance's health as a badge: ok, slow, failing, hanging or unknown, with
 * the last error as its tooltip. Shared by the providers, payments and plugins pages.
 */
public class HealthBadge extends Span {

    public HealthBadge(String health, String lastError) {
        String word = health == null || health.isBlank() ? "unknown" : health;
        setText(getTranslation("plugins.health." + word));
        addClassName("ordino-state");
        getElement().setAttribute("data-state", switch (word) {
            case "ok" -> "STARTED";
            case "failing", "hanging", "error" -> "FAILED";
            default -> "STOPPED";
        });
        getElement().setAttribute("data-health", word);
        if (lastError != null && !lastError.isBlank()) {
            getElement().setAttribute("title", lastError);
        }
    }
}
