package dev.ordino.catalog;

import dev.ordino.catalog.internal.Category;
import dev.ordino.catalog.internal.CategoryRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The storefront's top level, as SMM panels and the seeds' card grid have it: one tile per social
 * platform with its number of services, biggest first, then products, digital goods and custom
 * services each on a tile of their own. Empty sections are left out.
 */
@Service
public class CatalogSections {

    private static final List<OfferingKind> OTHER_KINDS = List.of(OfferingKind.CUSTOM, OfferingKind.PRODUCT, OfferingKind.DIGITAL);

    private final CategoryRepository categories;

    CatalogSections(CategoryRepository categories) {
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    public List<CatalogSection> sections() {
        Map<Long, Map<OfferingKind, Long>> counts = new LinkedHashMap<>();
        for (Object[] row : categories.countActiveOfferingsByKind()) {
            counts.computeIfAbsent((Long) row[0], id -> new LinkedHashMap<>()).put((OfferingKind) row[1], (Long) row[2]);
        }
        List<Category> active = categories.findAllByOrderBySortOrderAscNameAsc().stream().filter(Category::isActive).toList();
        List<CatalogSection> smm = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            smm.add(section(platform.key(), platform, OfferingKind.SERVICE,
                    active.stream().filter(c -> c.getPlatform() == platform).toList(), counts));
        }
        smm.sort(Comparator.comparingLong(CatalogSection::count).reversed()
                .thenComparing(s -> s.platform() == Platform.OTHER)); // "other" services after named platforms of the same size
        List<CatalogSection> result = new ArrayList<>(smm);
        for (OfferingKind kind : OTHER_KINDS) {
            result.add(section(kind.key(), null, kind, active, counts));
        }
        return result.stream().filter(s -> s.count() > 0).toList();
    }

    /** The section a storefront address names ({@code instagram}, {@code product}), if it has offerings. */
    public Optional<CatalogSection> section(String key) {
        return key == null ? Optional.empty() : sections().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    private static CatalogSection section(String key, Platform platform, OfferingKind kind, List<Category> candidates,
                                          Map<Long, Map<OfferingKind, Long>> counts) {
        List<CategorySummary> inside = new ArrayList<>();
        long total = 0;
        for (Category c : candidates) {
            long n = counts.getOrDefault(c.getId(), Map.of()).getOrDefault(kind, 0L);
            if (n > 0) {
                inside.add(new CategorySummary(c.getId(), c.getName(), c.getSlug(), c.getPlatform(), c.getSortOrder(), true, n));
                total += n;
            }
        }
        return new CatalogSection(key, platform, kind, total, List.copyOf(inside));
    }
}
