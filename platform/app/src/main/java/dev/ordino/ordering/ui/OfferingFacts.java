package dev.ordino.ordering.ui;

import com.vaadin.flow.component.Component;
import dev.ordino.catalog.OfferingView;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What customers weigh before ordering, in words: limits, delivery, refill, cancelling, stock. */
final class OfferingFacts {

    private OfferingFacts() {
    }

    /** One line for a catalog card: "min 100, max 100,000 · starts 0-1 h · 30-day refill". */
    static String summary(Component reader, OfferingView o) {
        List<String> facts = new ArrayList<>();
        if (o.kind().isSmm() || o.maxQuantity() > 1) {
            facts.add(reader.getTranslation("shop.min-max", Prices.count(reader, o.minQuantity()), Prices.count(reader, o.maxQuantity())));
        }
        if (o.deliveryTime() != null) {
            facts.add(reader.getTranslation("shop.delivery", o.deliveryTime()));
        }
        if (o.refillDays() > 0) {
            facts.add(reader.getTranslation("shop.refill", o.refillDays()));
        }
        if (o.stock() != null) {
            facts.add(reader.getTranslation("shop.stock", Prices.count(reader, o.stock())));
        }
        return String.join(" · ", facts);
    }

    /**
     * The average completion time as measured on completed orders, or else the offering's stated
     * delivery time, saying which it is.
     */
    static String completion(Component reader, OfferingView o, Optional<Duration> measured) {
        if (measured.isPresent()) {
            return reader.getTranslation("offering.completion-measured", duration(reader, measured.get()));
        }
        return o.deliveryTime() == null ? reader.getTranslation("offering.completion-unknown")
                : reader.getTranslation("offering.completion-stated", o.deliveryTime());
    }

    /** "45 minutes", "3.5 hours", "2 days" in the reader's locale. */
    static String duration(Component reader, Duration duration) {
        NumberFormat number = NumberFormat.getNumberInstance(Prices.locale(reader));
        number.setMaximumFractionDigits(1);
        long minutes = Math.max(1, Math.round(duration.toSeconds() / 60.0));
        if (minutes < 90) {
            return reader.getTranslation("duration.minutes", number.format(minutes));
        }
        double hours = duration.toSeconds() / 3600.0;
        if (hours < 48) {
            return reader.getTranslation("duration.hours", number.format(hours));
        }
        return reader.getTranslation("duration.days", number.format(hours / 24));
    }

    static String refill(Component reader, OfferingView o) {
        return o.refillDays() > 0 ? reader.getTranslation("offering.refill-days", o.refillDays())
                : reader.getTranslation("offering.refill-none");
    }

    static String cancel(Component reader, OfferingView o) {
        return reader.getTranslation(o.cancelAllowed() ? "offering.cancel-allowed" : "offering.cancel-pending-only");
    }
}
