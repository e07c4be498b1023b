package dev.ordino.ordering.internal;

import dev.ordino.ordering.OrderStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "order_timeline")
public class OrderTimeline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "order_id", nullable = false)
    private long orderId;
    @Column(nullable = false)
    private Instant at;
    @Column(nullable = false, length = 254)
    private String actor;
    @Column(name = "from_status", length = 20)
    private OrderStatus fromStatus;
    @Column(name = "to_status", nullable = false, length = 20)
    private OrderStatus toStatus;
    @Column(length = 1000)
    private String note;

    /** Rows are written by {@link OrderWriter}; the entity only reads them. */
    protected OrderTimeline() {
    }

    public long getOrderId() { return orderId; }
    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public OrderStatus getFromStatus() { return fromStatus; }
    public OrderStatus getToStatus() { return toStatus; }
    public String getNote() { return note; }
}
