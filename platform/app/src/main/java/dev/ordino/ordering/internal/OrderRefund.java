package dev.ordino.ordering.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "order_refund")
public class OrderRefund {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "order_id", nullable = false)
    private long orderId;
    @Column(nullable = false)
    private int seq;
    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal amount;
    @Column(length = 500)
    private String reason;
    @Column(name = "idempotency_key", length = 100)
    private String idempotencyKey;
    @Column(name = "created_by", nullable = false, length = 254)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OrderRefund() {
    }

    public OrderRefund(long orderId, int seq, BigDecimal amount, String reason, String idempotencyKey, String createdBy,
                       Instant createdAt) {
        this.orderId = orderId;
        this.seq = seq;
        this.amount = amount;
        this.reason = reason;
        this.idempotencyKey = idempotencyKey;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public int getSeq() { return seq; }
    public BigDecimal getAmount() { return amount; }
    public String getReason() { return reason; }
}
