package dev.ordino.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import dev.ordino.KaribuTest;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TranslationsTest extends KaribuTest {

    private static Properties bundle(String suffix) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/translations" + suffix + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void aRussianBrowserGetsTheCustomerPagesInRussian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        UI.getCurrent().navigate("register");
        assertThat(_get(H1.class, spec -> spec.withText("Создайте аккаунт"))).isNotNull();
        assertThat(UI.getCurrent().getTranslation("shop.title")).isEqualTo("Каталог");
        assertThat(UI.getCurrent().getTranslation("admin.orders.title")).as("back office falls back to English").isEqualTo("Orders");
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
    void everyTranslationIsOfAnEnglishKeyAndKeepsItsPlaceholders() throws Exception {
        Properties english = bundle("");
        for (String language : Set.of("_ru", "_id")) {
            Properties translated = bundle(language);
            for (String key : translated.stringPropertyNames()) {
                assertThat(english).as(language + " " + key).containsKey(key);
                assertThat(placeholders(translated.getProperty(key))).as(language + " " + key)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Matcher m = Pattern.compile("\\{\\d}").matcher(text);
        java.util.Set<String> found = new java.util.TreeSet<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
