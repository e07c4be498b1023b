package dev.ordino.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import dev.ordino.KaribuTest;
import dev.ordino.base.DomainException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How the running UI picks its texts; what the bundles hold is TranslationBundlesTest's business. */
class TranslationsTest extends KaribuTest {

    @Test
    void aRussianBrowserGetsTheCustomerPagesInRussian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        UI.getCurrent().navigate("register");
        assertThat(_get(H1.class, spec -> spec.withText("Создайте аккаунт"))).isNotNull();
        assertThat(UI.getCurrent().getTranslation("shop.title")).isEqualTo("Каталог");
        assertThat(UI.getCurrent().getTranslation("admin.orders.title")).as("the back office too").isEqualTo("Заказы");
        UI.getCurrent().setLocale(Locale.forLanguageTag("id"));
        assertThat(UI.getCurrent().getTranslation("shop.title")).isEqualTo("Katalog");
    }

    @Test
    void aLanguageOrdinoDoesNotSpeakGetsEnglishWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("ru"));
        try {
            Translations translations = new Translations();
            assertThat(translations.getProvidedLocales().getFirst()).isEqualTo(Locale.ENGLISH);
            assertThat(translations.getTranslation("shop.title", Locale.GERMAN)).isEqualTo("Catalog");
            assertThat(translations.getTranslation("shop.title", Locale.US)).isEqualTo("Catalog");
            assertThat(translations.getTranslation("order.balance", Locale.forLanguageTag("id-ID"), "5.00 IDR"))
                    .isEqualTo("Saldo Anda: 5.00 IDR");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aRefusalWhoseCodeHasNoMessageShowsItsEnglishDetailRatherThanTheKey() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        DomainException unknown = DomainException.notFound("code_without_a_message", "No such thing here");
        assertThat(Feedback.message(UI.getCurrent(), unknown)).isEqualTo("No such thing here");
        DomainException known = DomainException.badRequest("quantity_out_of_range", "quantity", "Out of range", 10, 500);
        assertThat(Feedback.message(UI.getCurrent(), known)).isEqualTo("Введите количество от 10 до 500.");
    }
}
