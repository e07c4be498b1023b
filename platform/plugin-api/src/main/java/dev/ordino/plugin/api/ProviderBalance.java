package dev.ordino.plugin.api;

import java.math.BigDecimal;

public record ProviderBalance(BigDecimal amount, String currency) {
}
