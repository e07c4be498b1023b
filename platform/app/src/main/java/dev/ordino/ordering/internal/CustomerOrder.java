package dev.ordino.ordering.internal;

import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.PaymentStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "customer_order")
public class CustomerOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(length = 20, unique = true)
    private String number;
    @Column(name = "customer_id", nullable = false)
    private long customerId;
    @Column(nullable = false, length = 20)
    private OrderStatus status;
    @Column(name = "payment_status", nullable = false, length = 20)
    private PaymentStatus paymentStatus;
    @Column(name = "payment_method", nullable = false, length = 20)
    private String paymentMethod;
    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal total;
    @Column(name = "paid_amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal paidAmount = BigDecimal.ZERO;
    @Column(name = "refunded_amount", nullable = false, precision = 19, scale = 4)
    private BigDecimal refundedAmount = BigDecimal.ZERO;
    @Column(nullable = false, length = 3)
    private String currency;
    @Column(name = "idempotency_key", length = 100)
    private String idempotencyKey;
    @Column(name = "request_hash", length = 64)
    private String requestHash;
    @Column(name = "handed_to_fulfilment", nullable = false)
    private boolean handedToFulfilment;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "paid_at")
    private Instant paidAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @OrderBy("position")
    private List<OrderItem> items = new ArrayList<>();

    /** Rows are written by {@link OrderWriter}; the entity reads them and carries later changes. */
    protected CustomerOrder() {
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public long getCustomerId() { return customerId; }
    public OrderStatus getStatus() { return status; }
    public void setStatus(OrderStatus status) { this.status = status; }
    public PaymentStatus getPaymentStatus() { return paymentStatus; }
    public void setPaymentStatus(PaymentStatus paymentStatus) { this.paymentStatus = paymentStatus; }
    public String getPaymentMethod() { return paymentMethod; }
    public BigDecimal getTotal() { return total; }
    public BigDecimal getPaidAmount() { return paidAmount; }
    public void setPaidAmount(BigDecimal paidAmount) { this.paidAmount = paidAmount; }
    public BigDecimal getRefundedAmount() { return refundedAmount; }
    public void setRefundedAmount(BigDecimal refundedAmount) { this.refundedAmount = refundedAmount; }
    public String getCurrency() { return currency; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getRequestHash() { return requestHash; }
    public boolean isHandedToFulfilment() { return handedToFulfilment; }
    public void setHandedToFulfilment(boolean handedToFulfilment) { this.handedToFulfilment = handedToFulfilment; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getPaidAt() { return paidAt; }
    public void setPaidAt(Instant paidAt) { this.paidAt = paidAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public List<OrderItem> getItems() { return items; }
}
