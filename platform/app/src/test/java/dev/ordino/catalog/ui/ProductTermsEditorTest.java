package dev.ordino.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.FulfilmentMethod;
import dev.ordino.catalog.OfferingForm;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.ProductOptions;
import dev.ordino.security.Roles;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProductTermsEditorTest extends KaribuTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    ProductOptions options;
    @Autowired
    Actors actors;

    @Test
    void staffLimitAProductToDeliveryWithItsOwnFeeInTheOfferingEditor() {
        long accessories = catalog.categories(true).stream().filter(c -> c.slug().equals("accessories")).findFirst().orElseThrow().id();
        OfferingView mouse = actors.asAdmin(() -> catalog.saveOffering(OfferingForm.perUnit(null, accessories, OfferingKind.PRODUCT,
                "Trackball " + System.nanoTime(), null, new BigDecimal("15.00"), 1, 1L, 5L, null, 0, false, 4, null, true)));
        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/catalog");
        CatalogAdminView view = _get(CatalogAdminView.class);
        view.editOffering(mouse);
        ProductTermsFields terms = _get(ProductTermsFields.class);
        assertThat(terms.isVisible()).isTrue();
        terms.methods.setValue(Set.of(FulfilmentMethod.DELIVERY));
        terms.deliveryFee.setValue(new BigDecimal("2.25"));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("offering-save")));

        var saved = options.terms(mouse.id());
        assertThat(saved.methods()).containsExactly(FulfilmentMethod.DELIVERY);
        assertThat(saved.deliveryFee()).isEqualByComparingTo("2.25");
        assertThat(catalog.offering(mouse.id()).orElseThrow().name()).isEqualTo(mouse.name());
    }
}
