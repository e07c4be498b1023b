package dev.ordino.store.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.security.Roles;
import dev.ordino.store.StoreSettings;
import dev.ordino.store.HandoverSettingsService;
import dev.ordino.store.StoreSettingsService;
import dev.ordino.store.StoreLogo;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/** Shop name, contact phone and Telegram link, default language, top-up limits, default markup, and the logo. */
@Route(value = "admin/settings", layout = AdminLayout.class)
@RolesAllowed(Roles.ADMIN)
public class StoreSettingsView extends VerticalLayout implements HasDynamicTitle {

    final TextField shopName = new TextField();
    final TextField phone = new TextField();
    final TextField telegram = new TextField();
    final Select<String> language = new Select<>();
    final BigDecimalField topUpMin = new BigDecimalField();
    final BigDecimalField topUpMax = new BigDecimalField();
    final BigDecimalField markup = new BigDecimalField();
    final Button save = new Button();

    final Upload logoUpload;
    final Image logoPreview = new Image();

    public StoreSettingsView(StoreSettingsService settings, StoreCurrency currency, StoreLogo logo,
                             HandoverSettingsService handoverSettings) {
        addClassName("ordino-page");
        logoUpload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            try {
                logo.save(bytes);
                showLogo(settings);
                Feedback.success(getTranslation("admin.settings.logo-saved"));
            } catch (DomainException ex) {
                Feedback.error(Feedback.message(this, ex));
            }
        }));
        shopName.setLabel(getTranslation("admin.settings.shop-name"));
        shopName.setId("shop-name");
        phone.setLabel(getTranslation("admin.settings.phone"));
        telegram.setLabel(getTranslation("admin.settings.telegram"));
        telegram.setPlaceholder("https://t.me/...");
        language.setLabel(getTranslation("admin.settings.language"));
        language.setItems("en", "ru", "id");
        language.setItemLabelGenerator(l -> getTranslation("language." + l));
        topUpMin.setLabel(getTranslation("admin.settings.top-up-min", currency.code()));
        topUpMax.setLabel(getTranslation("admin.settings.top-up-max", currency.code()));
        markup.setLabel(getTranslation("admin.settings.markup"));
        StoreSettings current = settings.current();
        shopName.setValue(current.shopName());
        phone.setValue(current.contactPhone());
        telegram.setValue(current.telegramLink());
        language.setValue(current.defaultLanguage());
        topUpMin.setValue(current.topUpMin());
        topUpMax.setValue(current.topUpMax());
        markup.setValue(current.defaultMarkupPercent());
        save.setText(getTranslation("action.save"));
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Map<String, HasValidation> fields = Map.of("shopName", shopName, "contactPhone", phone, "telegramLink", telegram,
                "topUpMin", topUpMin, "topUpMax", topUpMax, "defaultMarkupPercent", markup);
        save.addClickListener(e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                settings.save(new StoreSettings(shopName.getValue(), phone.getValue(), telegram.getValue(), language.getValue(),
                        topUpMin.getValue(), topUpMax.getValue(), markup.getValue()));
                Feedback.success(getTranslation("admin.catalog.saved"));
            } catch (DomainException ex) {
                HasValidation field = fields.get(ex.field());
                String message = Feedback.message(this, ex);
                if (field != null) {
                    Feedback.invalid(field, message);
                } else {
                    Feedback.error(message);
                }
            }
        });
        logoUpload.setId("logo-upload");
        logoUpload.setMaxFiles(1);
        logoUpload.setMaxFileSize(StoreLogo.MAX_BYTES);
        logoUpload.setAcceptedFileTypes("image/png", "image/svg+xml", ".png", ".svg");
        logoUpload.addFileRejectedListener(e -> Feedback.error(getTranslation("error.logo_too_large", 256)));
        logoPreview.setId("logo-preview");
        logoPreview.setAlt(getTranslation("admin.settings.logo"));
        logoPreview.getStyle().set("max-height", "4rem").set("max-width", "16rem");
        Button removeLogo = new Button(getTranslation("admin.settings.logo-remove"), e -> {
            logo.remove();
            showLogo(settings);
        });
        removeLogo.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        showLogo(settings);
        Paragraph logoHelp = new Paragraph(getTranslation("admin.settings.logo-help"));
        logoHelp.addClassName("ordino-muted");
        add(new FormLayout(shopName, phone, telegram, language, topUpMin, topUpMax, markup), save,
                new H3(getTranslation("admin.settings.logo")), logoHelp, new Div(logoPreview, removeLogo), logoUpload,
                new HandoverSettingsForm(handoverSettings, currency));
    }

    private void showLogo(StoreSettingsService settings) {
        var url = settings.logoUrl();
        logoPreview.setVisible(url.isPresent());
        url.ifPresent(logoPreview::setSrc);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.settings.title");
    }
}
