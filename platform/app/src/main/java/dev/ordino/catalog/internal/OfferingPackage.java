package dev.ordino.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** One package of an offering: this many units for this price. */
@Embeddable
public class OfferingPackage {

    @Column(nullable = false)
    private long size;
    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal price;

    protected OfferingPackage() {
    }

    public OfferingPackage(long size, BigDecimal price) {
        this.size = size;
        this.price = price;
    }

    public long getSize() { return size; }
    public BigDecimal getPrice() { return price; }
}
