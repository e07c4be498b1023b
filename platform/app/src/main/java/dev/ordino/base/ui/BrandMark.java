package dev.ordino.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.PageTitle;

/** The shop's logo and name as a link, and the browser tab's title ending in the shop's name. */
public final class BrandMark {

    private BrandMark() {
    }

    public static Anchor link(StoreBranding branding, String href, String suffix) {
        String name = branding.shopName();
        Anchor brand = new Anchor(href);
        brand.setId("brand");
        brand.addClassName("ordino-brand");
        brand.getStyle().set("display", "inline-flex").set("align-items", "center").set("gap", "var(--lumo-space-s)")
                .set("min-width", "0").set("overflow", "hidden");
        branding.logoUrl().ifPresent(url -> {
            Image logo = new Image(url, "");
            logo.setId("brand-logo");
            logo.getStyle().set("height", "2rem").set("max-width", "8rem").set("object-fit", "contain");
            brand.add(logo);
        });
        Span text = new Span(suffix == null ? name : name + " · " + suffix);
        text.getStyle().set("overflow", "hidden").set("text-overflow", "ellipsis");
        brand.add(text);
        return brand;
    }

    /**
     * Ends the tab's title with the shop's name. Runs just before the answer goes out, after the
     * router has set the view's own title.
     */
    static void title(AfterNavigationEvent event, StoreBranding branding, String appName) {
        UI ui = event.getLocationChangeEvent().getUI();
        var target = event.getActiveChain().isEmpty() ? null : event.getActiveChain().getFirst();
        String own = target instanceof HasDynamicTitle dynamic ? dynamic.getPageTitle()
                : target != null && target.getClass().isAnnotationPresent(PageTitle.class)
                ? target.getClass().getAnnotation(PageTitle.class).value() : "";
        String page = own == null ? "" : own.replace(" · " + appName, "");
        String shop = branding.shopName();
        String title = page.isBlank() || page.equals(shop) ? shop : page + " · " + shop;
        ui.beforeClientResponse(ui, context -> ui.getPage().setTitle(title));
    }
}
