package dev.ordino.catalog.api;

import dev.ordino.base.DomainException;
import dev.ordino.base.api.ApiPage;
import dev.ordino.base.money.StoreCurrency;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.FulfilmentMethod;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.ProductOptions;
import dev.ordino.catalog.ProductTerms;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
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
    private final ProductOptions options;

    CatalogApi(CatalogService catalog, StoreCurrency currency, ProductOptions options) {
        this.catalog = catalog;
        this.currency = currency;
        this.options = options;
    }

    record CategoryResponse(long id, String name, String slug, long productCount) {
    }

    /** {@code packages}: the sizes a line may order, each with its price; empty when priced per unit. */
    record ProductResponse(long id, String name, String description, String type, String category, String price,
                           int pricePer, long minQuantity, long maxQuantity, boolean inStock, String deliveryTime,
                           List<PackageResponse> packages,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer stock,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<String> fulfilment,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String deliveryFee,
                           @JsonInclude(JsonInclude.Include.NON_NULL) RatingResponse rating) {
    }

    /** Average stars (null before the first rating) and how many ratings. */
    record RatingResponse(BigDecimal average, long count) {
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
        OfferingView o = catalog.offering(id).filter(OfferingView::active)
                .orElseThrow(() -> DomainException.notFound("product_not_found", "No such product"));
        ProductResponse p = product(o);
        ProductOptions.Rating rating = options.rating(id);
        List<String> methods = null;
        String fee = null;
        if (o.kind() == OfferingKind.PRODUCT) {
            // the product's own fee over the store's; absent: the store's fee applies
            ProductTerms terms = options.terms(id);
            methods = terms.methods().stream().sorted().map(FulfilmentMethod::key).toList();
            fee = terms.deliveryFee() == null ? null : currency.format(terms.deliveryFee());
        }
        return new ProductResponse(p.id(), p.name(), p.description(), p.type(), p.category(), p.price(), p.pricePer(),
                p.minQuantity(), p.maxQuantity(), p.inStock(), p.deliveryTime(), p.packages(), o.stock(), methods, fee,
                new RatingResponse(rating.average(), rating.count()));
    }

    ProductResponse product(OfferingView o) {
        return new ProductResponse(o.id(), o.name(), o.description(), o.kind().key(), o.categorySlug(),
                currency.formatPrice(o.price()),
                o.pricePer(), o.minQuantity(), o.maxQuantity(), o.inStock(), o.deliveryTime(),
                o.packages().stream().map(p -> new PackageResponse(p.size(), currency.formatPrice(p.price()))).toList(),
                null, null, null, null);
    }
}
