package dev.ordino.catalog.api;

import dev.ordino.base.DomainException;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.CategoryForm;
import dev.ordino.catalog.CategorySummary;
import dev.ordino.catalog.OfferingForm;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.PackagePrice;
import dev.ordino.catalog.Platform;
import dev.ordino.catalog.WhenOutOfStock;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff: categories and offerings of every type, for automation. Answers products as {@code GET /v1/products/{id}} does. */
@RestController
@RequestMapping("/v1/admin")
@Tag(name = "Admin: catalog")
@SecurityRequirement(name = "bearer")
class AdminCatalogApi {

    private final CatalogService catalog;
    private final CatalogApi products;

    AdminCatalogApi(CatalogService catalog, CatalogApi products) {
        this.catalog = catalog;
        this.products = products;
    }

    record PackageRequest(Long size, BigDecimal price) {
    }

    /** A product to create or change; on {@code PUT} a field left out keeps its value. */
    record ProductRequest(String type, Long categoryId, String name, String description, BigDecimal price,
                          Integer pricePer, Long minQuantity, Long maxQuantity, List<PackageRequest> packages,
                          Integer stock, Integer lowStockThreshold, String whenOutOfStock, Boolean active) {
    }

    record CategoryRequest(String name, String slug, String platform) {
    }

    @PostMapping("/products")
    @ResponseStatus(HttpStatus.CREATED)
    CatalogApi.ProductResponse create(@RequestBody ProductRequest request) {
        if (request.type() == null || request.type().isBlank()) {
            throw DomainException.badRequest("type_required", "type", "type must be one of service, custom, product, digital");
        }
        return products.product(catalog.saveOffering(new OfferingForm(null, request.categoryId(),
                OfferingKind.parse(request.type()), request.name(), request.description(), request.price(),
                request.pricePer(), request.minQuantity(), request.maxQuantity(), null, null, false, request.stock(), null,
                request.active() == null || request.active(), packages(request.packages()), request.lowStockThreshold(),
                WhenOutOfStock.parse(request.whenOutOfStock()))));
    }

    @PutMapping("/products/{id}")
    CatalogApi.ProductResponse update(@PathVariable long id, @RequestBody ProductRequest request) {
        OfferingView o = catalog.offering(id)
                .orElseThrow(() -> DomainException.notFound("product_not_found", "No such product"));
        OfferingKind kind = request.type() == null ? o.kind() : OfferingKind.parse(request.type());
        return products.product(catalog.saveOffering(new OfferingForm(id, or(request.categoryId(), o.categoryId()), kind,
                or(request.name(), o.name()), or(request.description(), o.description()), or(request.price(), o.price()),
                or(request.pricePer(), o.pricePer()), or(request.minQuantity(), o.minQuantity()),
                or(request.maxQuantity(), o.maxQuantity()), o.deliveryTime(), o.refillDays(), o.cancelAllowed(),
                request.stock() == null ? o.stock() : request.stock(), o.imageUrl(), or(request.active(), o.active()),
                packages(request.packages()), request.lowStockThreshold(), WhenOutOfStock.parse(request.whenOutOfStock()))));
    }

    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    CatalogApi.CategoryResponse createCategory(@RequestBody CategoryRequest request) {
        CategorySummary saved = catalog.saveCategory(new CategoryForm(null, request.name(), request.slug(),
                Platform.parse(request.platform()), 0, true));
        return new CatalogApi.CategoryResponse(saved.id(), saved.name(), saved.slug(), saved.productCount());
    }

    private static List<PackagePrice> packages(List<PackageRequest> packages) {
        if (packages == null) {
            return null;
        }
        return packages.stream().map(p -> {
            if (p == null || p.size() == null || p.price() == null) {
                throw DomainException.badRequest("invalid_package", "packages", "Each package needs a size and a price");
            }
            return new PackagePrice(p.size(), p.price());
        }).toList();
    }

    private static <T> T or(T given, T current) {
        return given == null ? current : given;
    }
}
