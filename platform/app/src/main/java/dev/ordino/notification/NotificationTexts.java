package dev.ordino.notification;

import dev.ordino.base.config.OrdinoProperties;
import dev.ordino.store.StoreSettingsService;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a notice in the recipient's language (en, ru, id; the shop's language otherwise) from the
 * UI's translation files, as a subject, a plain text and an HTML part, each with the shop's name,
 * what happened and a link. Arguments by position: {0} shop, {1} order number, {2} status, {3} amount,
 * {4} anything else the event carries (items, a provider's name).
 */
@Component
class NotificationTexts {

    private static final Set<String> LANGUAGES = Set.of("en", "ru", "id");
    private static final String BUNDLE = "vaadin-i18n.translations";

    private final StoreSettingsService store;
    private final OrdinoProperties properties;

    NotificationTexts(StoreSettingsService store, OrdinoProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** One rendered message. */
    record Rendered(String locale, String subject, String text, String html) {
    }

    /** The language for a recipient whose account says {@code preferred} (may be null). */
    String language(String preferred) {
        String tag = preferred == null ? "" : Locale.forLanguageTag(preferred.replace('_', '-')).getLanguage();
        if (LANGUAGES.contains(tag)) {
            return tag;
        }
        String shop = store.current().defaultLanguage();
        return shop != null && LANGUAGES.contains(shop) ? shop : "en";
    }

    /**
     * Renders the notice for a customer or for staff ({@code notification.<event>.*} or
     * {@code notification.staff.<event>.*}).
     */
    Rendered render(Notice notice, boolean staff, String language) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language));
        String prefix = "notification." + (staff ? "staff." : "") + notice.event().key();
        Object[] args = {store.shopName(), notice.number(), status(bundle, notice.status()), notice.amount(), notice.detail()};
        String subject = "[" + store.shopName() + "] " + format(bundle, prefix + ".subject", args);
        String line = format(bundle, prefix + ".text", args);
        String link = properties.publicUrl() + (staff ? notice.staffPath() : notice.customerPath());
        String linkLabel = format(bundle, staff ? "notification.link.staff" : notice.orderId() == null
                ? "notification.link.wallet" : "notification.link.order", args);
        String signature = format(bundle, "notification.signature", args);
        String text = line + "\n\n" + linkLabel + ": " + link + "\n\n" + signature + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + language + "\"><body>"
                + "<p>" + HtmlUtils.htmlEscape(line) + "</p>"
                + "<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(linkLabel) + "</a></p>"
                + "<p>" + HtmlUtils.htmlEscape(signature) + "</p></body></html>";
        return new Rendered(language, subject, text, html);
    }

    /** A password reset or verification mail ({@code notification.account.<kind>.*}) with its link. */
    Rendered account(String kind, String language, String link) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language));
        Object[] args = {store.shopName(), link};
        String subject = "[" + store.shopName() + "] " + format(bundle, "notification.account." + kind + ".subject", args);
        String line = format(bundle, "notification.account." + kind + ".text", args);
        String signature = format(bundle, "notification.signature", args);
        String text = line + "\n\n" + link + "\n\n" + signature + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + language + "\"><body><p>" + HtmlUtils.htmlEscape(line) + "</p>"
                + "<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(link) + "</a></p>"
                + "<p>" + HtmlUtils.htmlEscape(signature) + "</p></body></html>";
        return new Rendered(language, subject, text, html);
    }

    /** A test message for staff, in the shop's language. */
    Rendered test(String channelName) {
        String language = language(null);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language));
        Object[] args = {store.shopName(), channelName};
        String subject = "[" + store.shopName() + "] " + format(bundle, "notification.test.subject", args);
        String text = format(bundle, "notification.test.text", args);
        return new Rendered(language, subject, text + "\n", "<!DOCTYPE html><html lang=\"" + language + "\"><body><p>"
                + HtmlUtils.htmlEscape(text) + "</p></body></html>");
    }

    /** The order's status in the customer's words ({@code order-status.*}), or {@code payment-status.*} for paid. */
    private static String status(ResourceBundle bundle, String status) {
        if (status == null || status.isBlank()) {
            return "";
        }
        for (String key : new String[]{"order-status." + status, "payment-status." + status}) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return status;
    }

    private static String format(ResourceBundle bundle, String key, Object[] args) {
        try {
            return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No translation " + key, e);
        }
    }
}
