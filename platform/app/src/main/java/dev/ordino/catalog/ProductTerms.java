package dev.ordino.catalog;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a product may be had: the methods it offers, and its own delivery fee, which overrides the
 * store's ({@code null}: the store's).
 */
public record ProductTerms(Set<FulfilmentMethod> methods, BigDecimal deliveryFee) {

    public ProductTerms {
        methods = methods == null || methods.isEmpty() ? EnumSet.allOf(FulfilmentMethod.class) : Set.copyOf(methods);
    }

    /** What a product offers until staff say otherwise: both methods at the store's fee. */
    public static final ProductTerms ANY = new ProductTerms(null, null);

    public boolean offers(FulfilmentMethod method) {
        return methods.contains(method);
    }
}
