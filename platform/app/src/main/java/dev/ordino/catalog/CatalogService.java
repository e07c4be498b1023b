package dev.ordino.catalog;

import dev.ordino.base.Text;
import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.internal.Category;
import dev.ordino.catalog.internal.CategoryRepository;
import dev.ordino.catalog.internal.Offering;
import dev.ordino.catalog.internal.OfferingPackage;
import dev.ordino.catalog.internal.OfferingRepository;
import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog: categories and offerings. Reading is open to all; editing is for staff. */
@Service
public class CatalogService {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    static final long MAX_QUANTITY_LIMIT = 100_000_000L;

    private final CategoryRepository categories;
    private final OfferingRepository offerings;
    private final StoreCurrency currency;
    private final Clock clock;

    CatalogService(CategoryRepository categories, OfferingRepository offerings, StoreCurrency currency, Clock clock) {
        this.categories = categories;
        this.offerings = offerings;
        this.currency = currency;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CategorySummary> categories(boolean includeInactive) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : categories.countActiveOfferings()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return categories.findAllByOrderBySortOrderAscNameAsc().stream()
                .filter(c -> includeInactive || c.isActive())
                .map(c -> new CategorySummary(c.getId(), c.getName(), c.getSlug(), c.getPlatform(), c.getSortOrder(),
                        c.isActive(), counts.getOrDefault(c.getId(), 0L)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Page<OfferingView> offerings(OfferingFilter filter, Pageable pageable) {
        Specification<Offering> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            var category = root.join("category");
            if (!filter.includeInactive()) {
                where.add(cb.isTrue(root.get("active")));
                where.add(cb.isTrue(category.get("active")));
            }
            if (filter.categorySlug() != null && !filter.categorySlug().isBlank()) {
                where.add(cb.equal(category.get("slug"), filter.categorySlug().trim().toLowerCase(Locale.ROOT)));
            }
            if (filter.platform() != null) {
                where.add(cb.equal(category.get("platform"), filter.platform()));
            }
            if (filter.kind() != null) {
                where.add(cb.equal(root.get("kind"), filter.kind()));
            }
            if (filter.query() != null && !filter.query().isBlank()) {
                String like = "%" + filter.query().trim().toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("name")), like, '\\'),
                        cb.like(cb.lower(category.get("name")), like, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Pageable sorted = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by("category.sortOrder", "category.name", "name", "id"));
        return offerings.findAll(spec, sorted).map(CatalogService::view);
    }

    /** Every active offering of a kind, in catalog order, in one query (the panel API lists thousands at once). */
    @Transactional(readOnly = true)
    public List<OfferingView> activeOfferings(OfferingKind kind) {
        return offerings.findActiveWithCategory(kind).stream().map(CatalogService::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<OfferingView> offering(long id) {
        return offerings.findById(id).map(CatalogService::view);
    }

    /** Several offerings at once, by id, for pricing an order. */
    @Transactional(readOnly = true)
    public Map<Long, OfferingView> offerings(Collection<Long> ids) {
        Map<Long, OfferingView> result = new HashMap<>();
        offerings.findAllById(ids).forEach(o -> result.put(o.getId(), view(o)));
        return result;
    }

    /**
     * Takes units of a product's stock inside the caller's transaction; refused when too few are
     * left. Offerings without a counted stock are not limited.
     */
    @Transactional
    public void takeStock(OfferingView offering, long quantity) {
        if (offering.stock() == null) {
            return;
        }
        if (quantity > Integer.MAX_VALUE || offerings.takeStock(offering.id(), (int) quantity) != 1) {
            throw DomainException.conflict("out_of_stock", "Not enough " + offering.name() + " in stock", offering.name());
        }
    }

    @Transactional
    public void returnStock(long offeringId, long quantity) {
        offerings.returnStock(offeringId, (int) Math.min(quantity, Integer.MAX_VALUE));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public CategorySummary saveCategory(CategoryForm form) {
        String name = Text.required(form.name(), "name", 100);
        String slug = form.slug() == null || form.slug().isBlank() ? slugOf(name) : form.slug().trim().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches() || slug.length() > 100) {
            throw DomainException.badRequest("invalid_slug", "slug", "Use lower-case letters, digits and dashes");
        }
        if (form.id() == null ? categories.existsBySlug(slug) : categories.existsBySlugAndIdNot(slug, form.id())) {
            throw DomainException.badRequest("slug_taken", "slug", "Another category already uses this slug");
        }
        Category category = form.id() == null ? new Category(name, slug, platformOf(form), form.sortOrder())
                : categories.findById(form.id()).orElseThrow(() -> DomainException.notFound("category_not_found", "No such category"));
        category.setName(name);
        category.setSlug(slug);
        category.setPlatform(platformOf(form));
        category.setSortOrder(form.sortOrder());
        category.setActive(form.active());
        Category saved = categories.saveAndFlush(category);
        return new CategorySummary(saved.getId(), saved.getName(), saved.getSlug(), saved.getPlatform(),
                saved.getSortOrder(), saved.isActive(), 0);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public OfferingView saveOffering(OfferingForm form) {
        if (form.categoryId() == null) {
            throw DomainException.badRequest("category_required", "categoryId", "Choose a category");
        }
        Category category = categories.findById(form.categoryId())
                .orElseThrow(() -> DomainException.badRequest("category_required", "categoryId", "Choose a category"));
        if (form.kind() == null) {
            throw DomainException.badRequest("type_required", "kind", "Choose a type");
        }
        String name = Text.required(form.name(), "name", 200);
        List<PackagePrice> packages = form.packages() == null ? null : checkedPackages(form.packages());
        BigDecimal price = form.price() == null && packages != null && !packages.isEmpty() ? packages.getFirst().price()
                : form.price();
        if (price == null || price.signum() < 0) {
            throw DomainException.badRequest("invalid_price", "price", "Enter a price of zero or more");
        }
        if (price.stripTrailingZeros().scale() > StoreCurrency.PRICE_SCALE || price.compareTo(new BigDecimal("100000000")) >= 0) {
            throw DomainException.badRequest("invalid_price", "price", "Use at most 4 decimals");
        }
        int pricePer = form.kind().isSmm() ? (form.pricePer() == null ? 1 : form.pricePer()) : 1;
        if (pricePer < 1 || pricePer > 1_000_000) {
            throw DomainException.badRequest("invalid_price_per", "pricePer", "Price per must be between 1 and 1000000");
        }
        long min = form.minQuantity() == null ? 1 : form.minQuantity();
        long max = form.maxQuantity() == null ? Math.max(min, 1) : form.maxQuantity();
        if (packages != null && !packages.isEmpty()) {
            // A line orders one package: the range is the packages' own.
            min = packages.getFirst().size();
            max = packages.getLast().size();
        }
        if (min < 1 || max < min || max > MAX_QUANTITY_LIMIT) {
            throw DomainException.badRequest("invalid_quantity_range", "minQuantity",
                    "Minimum must be at least 1 and not above the maximum");
        }
        if (form.stock() != null && form.stock() < 0) {
            throw DomainException.badRequest("invalid_stock", "stock", "Stock cannot be negative");
        }
        Offering offering = form.id() == null ? new Offering(category, form.kind(), name, price, clock.instant())
                : offerings.findById(form.id()).orElseThrow(() -> DomainException.notFound("product_not_found", "No such offering"));
        offering.setCategory(category);
        offering.setKind(form.kind());
        offering.setName(name);
        offering.setDescription(Text.optional(form.description(), 2000));
        offering.setPrice(price.setScale(StoreCurrency.PRICE_SCALE, RoundingMode.UNNECESSARY));
        offering.setPricePer(pricePer);
        offering.setMinQuantity(min);
        offering.setMaxQuantity(max);
        offering.setDeliveryTime(Text.optional(form.deliveryTime(), 100));
        offering.setRefillDays(form.refillDays() == null ? 0 : Math.max(0, form.refillDays()));
        offering.setCancelAllowed(form.cancelAllowed());
        offering.setStock(form.kind() == OfferingKind.PRODUCT ? form.stock() : null);
        offering.setImageUrl(Text.optional(form.imageUrl(), 500));
        offering.setActive(form.active());
        if (packages != null) {
            offering.getPackages().clear();
            packages.forEach(p -> offering.getPackages().add(new OfferingPackage(p.size(), p.price())));
        }
        if (form.lowStockThreshold() != null) {
            if (form.lowStockThreshold() < 0) {
                throw DomainException.badRequest("invalid_low_stock_threshold", "lowStockThreshold",
                        "The low-stock threshold cannot be negative");
            }
            offering.setLowStockThreshold(form.lowStockThreshold());
        }
        if (form.whenOutOfStock() != null) {
            offering.setWhenOutOfStock(form.whenOutOfStock());
        }
        return view(offerings.saveAndFlush(offering));
    }

    /** At most this many packages per offering. */
    static final int MAX_PACKAGES = 20;

    /** Sizes from 1 up, each once, prices as offering prices are: zero or more, at most 4 decimals. */
    private static List<PackagePrice> checkedPackages(List<PackagePrice> packages) {
        if (packages.size() > MAX_PACKAGES) {
            throw DomainException.badRequest("too_many_packages", "packages", "At most " + MAX_PACKAGES + " packages",
                    MAX_PACKAGES);
        }
        Map<Long, PackagePrice> bySize = new TreeMap<>();
        for (PackagePrice p : packages) {
            if (p == null || p.size() < 1 || p.size() > MAX_QUANTITY_LIMIT) {
                throw DomainException.badRequest("invalid_package", "packages", "Each package needs a size of at least 1");
            }
            if (p.price() == null || p.price().signum() < 0 || p.price().stripTrailingZeros().scale() > StoreCurrency.PRICE_SCALE
                    || p.price().compareTo(new BigDecimal("100000000")) >= 0) {
                throw DomainException.badRequest("invalid_package", "packages",
                        "Each package needs a price of zero or more with at most 4 decimals");
            }
            if (bySize.put(p.size(), new PackagePrice(p.size(), p.price().setScale(StoreCurrency.PRICE_SCALE))) != null) {
                throw DomainException.badRequest("duplicate_package", "packages", "Each package size once", p.size());
            }
        }
        return List.copyOf(bySize.values());
    }

    /** Formats a unit price as stored, for display. */
    public String priceLabel(OfferingView offering) {
        return currency.formatPrice(offering.displayPrice()) + " " + currency.code();
    }

    private static Platform platformOf(CategoryForm form) {
        return form.platform() == null ? Platform.OTHER : form.platform();
    }

    static String slugOf(String name) {
        return slugOf(name, "category");
    }

    /** Lower-case ASCII letters and digits joined by dashes ("Instagram Followers [HQ]" → "instagram-followers-hq"). */
    public static String slugOf(String name, String fallback) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? fallback : slug;
    }

    static OfferingView view(Offering o) {
        Category c = o.getCategory();
        return new OfferingView(o.getId(), c.getId(), c.getSlug(), c.getName(), c.getPlatform(), o.getKind(), o.getName(),
                o.getDescription(), o.getPrice(), o.getPricePer(), o.getMinQuantity(), o.getMaxQuantity(),
                o.getDeliveryTime(), o.getRefillDays(), o.isCancelAllowed(), o.getStock(), o.getImageUrl(),
                o.isActive() && c.isActive(), o.getServiceType(), o.isDripfeed(),
                o.getPackages().stream().map(p -> new PackagePrice(p.getSize(), p.getPrice())).toList(),
                o.getLowStockThreshold(), o.getWhenOutOfStock());
    }
}
