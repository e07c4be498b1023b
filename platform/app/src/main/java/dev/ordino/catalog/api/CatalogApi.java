package dev.ordino.catalog.api;

import dev.ordino.base.DomainException;
import dev.ordino.base.api.ApiPage;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public catalog: no token needed. */
@RestController
@RequestMapping("/v1")
@Tag(name = "Catalog")
class CatalogApi {

    private final CatalogService catalog;
    private final StoreCurrency currency;

    CatalogApi(CatalogService catalog, StoreCurrency currency) {
        this.catalog = catalog;
        this.currency = currency;
    }

    record CategoryResponse(long id, String name, String slug, long productCount) {
    }

    /** {@code packages}: the sizes a line may order, each with its price; empty when priced per unit. */
    record ProductResponse(long id, String name, String description, String type, String category, String price,
                           int pricePer, long minQuantity, long maxQuantity, boolean inStock, String deliveryTime,
                           List<PackageResponse> packages) {
    }

    record PackageResponse(long size, String price) {
    }

    @GetMapping("/categories")
    List<CategoryResponse> categories() {
        return catalog.categories(false).stream()
                .map(c -> new CategoryResponse(c.id(), c.name(), c.slug(), c.productCount())).toList();
    }

    @GetMapping("/products")
    ApiPage<ProductResponse> products(@RequestParam(required = false) String category,
                                      @RequestParam(required = false) String type,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        var filter = new OfferingFilter(category, OfferingKind.parse(type), q, false);
        return ApiPage.of(catalog.offerings(filter, ApiPage.request(page, size)), this::product);
    }

    @GetMapping("/products/{id}")
    ProductResponse product(@PathVariable long id) {
        return catalog.offering(id).filter(OfferingView::active).map(this::product)
                .orElseThrow(() -> DomainException.notFound("product_not_found", "No such product"));
    }

    ProductResponse product(OfferingView o) {
        return new ProductResponse(o.id(), o.name(), o.description(), o.kind().key(), o.categorySlug(),
                currency.formatPrice(o.price()),
                o.pricePer(), o.minQuantity(), o.maxQuantity(), o.inStock(), o.deliveryTime(),
                o.packages().stream().map(p -> new PackageResponse(p.size(), currency.formatPrice(p.price()))).toList());
    }
}
