package dev.ordino.catalog.internal;

import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.WhenOutOfStock;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "offering")
public class Offering {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "category_id")
    private Category category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private OfferingKind kind;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(length = 2000)
    private String description;
    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal price;
    @Column(name = "price_per", nullable = false)
    private int pricePer = 1;
    @Column(name = "min_quantity", nullable = false)
    private long minQuantity = 1;
    @Column(name = "max_quantity", nullable = false)
    private long maxQuantity = 1;
    @Column(name = "delivery_time", length = 100)
    private String deliveryTime;
    @Column(name = "refill_days", nullable = false)
    private int refillDays;
    @Column(name = "cancel_allowed", nullable = false)
    private boolean cancelAllowed;
    private Integer stock;
    @Column(name = "image_url", length = 500)
    private String imageUrl;
    @Column(nullable = false)
    private boolean active = true;
    @Column(name = "service_type", length = 50)
    private String serviceType;
    @Column(nullable = false)
    private boolean dripfeed;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;
    @ElementCollection
    @CollectionTable(name = "offering_package", joinColumns = @JoinColumn(name = "offering_id"))
    @OrderBy("size")
    @BatchSize(size = 100)
    private List<OfferingPackage> packages = new ArrayList<>();
    @Column(name = "low_stock_threshold")
    private Integer lowStockThreshold;
    @Enumerated(EnumType.STRING)
    @Column(name = "when_out_of_stock", nullable = false, length = 10)
    private WhenOutOfStock whenOutOfStock = WhenOutOfStock.WAIT;

    protected Offering() {
    }

    public Offering(Category category, OfferingKind kind, String name, BigDecimal price, Instant createdAt) {
        this.category = category;
        this.kind = kind;
        this.name = name;
        this.price = price;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Category getCategory() { return category; }
    public void setCategory(Category category) { this.category = category; }
    public OfferingKind getKind() { return kind; }
    public void setKind(OfferingKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public int getPricePer() { return pricePer; }
    public void setPricePer(int pricePer) { this.pricePer = pricePer; }
    public long getMinQuantity() { return minQuantity; }
    public void setMinQuantity(long minQuantity) { this.minQuantity = minQuantity; }
    public long getMaxQuantity() { return maxQuantity; }
    public void setMaxQuantity(long maxQuantity) { this.maxQuantity = maxQuantity; }
    public String getDeliveryTime() { return deliveryTime; }
    public void setDeliveryTime(String deliveryTime) { this.deliveryTime = deliveryTime; }
    public int getRefillDays() { return refillDays; }
    public void setRefillDays(int refillDays) { this.refillDays = refillDays; }
    public boolean isCancelAllowed() { return cancelAllowed; }
    public String getServiceType() { return serviceType; }
    public boolean isDripfeed() { return dripfeed; }
    public void setCancelAllowed(boolean cancelAllowed) { this.cancelAllowed = cancelAllowed; }
    public Integer getStock() { return stock; }
    public void setStock(Integer stock) { this.stock = stock; }
    public String getImageUrl() { return imageUrl; }
    public void setImageUrl(String imageUrl) { this.imageUrl = imageUrl; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public List<OfferingPackage> getPackages() { return packages; }
    public Integer getLowStockThreshold() { return lowStockThreshold; }
    public void setLowStockThreshold(Integer lowStockThreshold) { this.lowStockThreshold = lowStockThreshold; }
    public WhenOutOfStock getWhenOutOfStock() { return whenOutOfStock; }
    public void setWhenOutOfStock(WhenOutOfStock whenOutOfStock) { this.whenOutOfStock = whenOutOfStock; }
}
