package dev.ordino.ordering.internal;

import dev.ordino.base.json.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/** A line the customer put aside for a later checkout. Priced again on every read: prices move. */
@Entity
@Table(name = "cart_item")
public class CartItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "customer_id", nullable = false)
    private long customerId;
    @Column(name = "offering_id", nullable = false)
    private long offeringId;
    @Column(nullable = false)
    private long quantity;
    @Column(length = 500)
    private String link;
    @Column(length = 1000)
    private String note;
    @Column(length = 4000)
    private String extras;
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected CartItem() {
    }

    public CartItem(long customerId, long offeringId, long quantity, String link, String note, Map<String, String> extras,
                    Instant addedAt) {
        this.customerId = customerId;
        this.offeringId = offeringId;
        this.quantity = quantity;
        this.link = link;
        this.note = note;
        this.extras = extras == null || extras.isEmpty() ? null : Json.writeMap(extras);
        this.addedAt = addedAt;
    }

    public Long getId() { return id; }
    public long getCustomerId() { return customerId; }
    public long getOfferingId() { return offeringId; }
    public long getQuantity() { return quantity; }
    public String getLink() { return link; }
    public String getNote() { return note; }
    public Map<String, String> getExtras() { return extras == null ? Map.of() : Json.readMap(extras); }
    public Instant getAddedAt() { return addedAt; }
}
