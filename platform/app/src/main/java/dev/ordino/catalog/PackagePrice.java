package dev.ordino.catalog;

import java.math.BigDecimal;

/** A package of an offering: {@code size} units (codes) for {@code price}. */
public record PackagePrice(long size, BigDecimal price) {
}
