package dev.ordino.ordering.internal;

import dev.ordino.base.json.Json;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.ordering.OrderStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Map;

@Entity
@Table(name = "order_item")
public class OrderItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private CustomerOrder order;
    @Column(nullable = false)
    private int position;
    @Column(name = "offering_id", nullable = false)
    private long offeringId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private OfferingKind kind;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(nullable = false)
    private long quantity;
    @Column(length = 500)
    private String link;
    @Column(length = 1000)
    private String note;
    @Column(length = 4000)
    private String extras;
    @Column(name = "start_count")
    private Long startCount;
    private Long remains;
    @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
    private BigDecimal unitPrice;
    @Column(name = "price_per", nullable = false)
    private int pricePer;
    @Column(name = "line_total", nullable = false, precision = 19, scale = 4)
    private BigDecimal lineTotal;
    @Column(nullable = false, length = 20)
    private OrderStatus status = OrderStatus.PENDING;

    protected OrderItem() {
    }

    public Long getId() { return id; }
    public long getOfferingId() { return offeringId; }
    public OfferingKind getKind() { return kind; }
    public String getName() { return name; }
    public long getQuantity() { return quantity; }
    public String getLink() { return link; }
    public String getNote() { return note; }
    public Map<String, String> getExtras() { return Json.readMap(extras); }
    public CustomerOrder getOrder() { return order; }
    public Long getStartCount() { return startCount; }
    public Long getRemains() { return remains; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public int getPricePer() { return pricePer; }
    public BigDecimal getLineTotal() { return lineTotal; }
    public OrderStatus getStatus() { return status; }
    public void setStatus(OrderStatus status) { this.status = status; }
}
