package dev.ordino.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The UI's texts from {@code vaadin-i18n/translations*.properties}. English first: a browser
 * asking for a language Ordino does not speak gets English, never whichever bundle a class path
 * scan happened to find first; a missing Russian or Indonesian text falls back to English, never
 * to the server's own locale.
 */
@Component
public class Translations implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final String BUNDLE = "vaadin-i18n.translations";
    private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"), Locale.forLanguageTag("id"));
    private static final ResourceBundle.Control NO_SERVER_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale.getLanguage());
        try {
            String text = ResourceBundle.getBundle(BUNDLE, language, NO_SERVER_LOCALE).getString(key);
            return params.length == 0 ? text : new MessageFormat(text, language).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation key {}", key);
            return missing(key);
        }
    }

    /** Whether the English bundle (which has every key) has this one; asks without logging a miss. */
    static boolean exists(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, NO_SERVER_LOCALE).containsKey(key);
    }

    /** What a key no bundle has translates to, so that a caller with a better text at hand can tell. */
    static String missing(String key) {
        return "!" + key;
    }
}
