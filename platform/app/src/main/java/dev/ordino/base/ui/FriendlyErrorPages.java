package dev.ordino.base.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

/**
 * Errors that happen outside Vaadin (an address the security filter refuses, a broken request)
 * get a small friendly page in the user's language from the same translation bundle, never a
 * stack trace or an empty browser error page. 403 reads like 404, as Vaadin does for views.
 */
@Component
class FriendlyErrorPages implements ErrorViewResolver {

    private final Translations translations;
    private final ObjectProvider<StoreBranding> branding;

    FriendlyErrorPages(Translations translations, ObjectProvider<StoreBranding> branding) {
        this.translations = translations;
        this.branding = branding;
    }

    private String shopName(StoreBranding store, Locale locale) {
        try {
            return store.shopName();
        } catch (RuntimeException e) { // the database itself may be what failed
            return translations.getTranslation("app.name", locale);
        }
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Locale locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        boolean notFound = status == HttpStatus.NOT_FOUND || status == HttpStatus.FORBIDDEN;
        String title = translations.getTranslation(notFound ? "error.not-found.title" : "error.title", locale);
        String text = translations.getTranslation(notFound ? "error.not-found.text" : "error.text", locale);
        String home = translations.getTranslation("error.home", locale);
        // The shop's own name heads the page, as its frame does on every other page.
        StoreBranding store = branding.getIfAvailable();
        String appName = store == null ? translations.getTranslation("app.name", locale) : shopName(store, locale);
        View view = new View() {
            @Override
            public String getContentType() {
                return "text/html;charset=UTF-8";
            }

            @Override
            public void render(Map<String, ?> ignored, HttpServletRequest req,
                               HttpServletResponse response) throws IOException {
                response.setContentType(getContentType());
                byte[] body = ("""
                        <!doctype html><html lang="en"><head><meta charset="utf-8">
                        <meta name="viewport" content="width=device-width, initial-scale=1">
                        <title>%s · %s</title><link rel="icon" href="%s/images/favicon">
                        <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#1a2233}
                        a{color:#2457c5}</style></head>
                        <body><header><a id="brand" href="%s/" style="font-weight:700;text-decoration:none">%s</a></header>
                        <h1 id="error-title">%s</h1><p>%s</p><p><a href="%s/">%s</a></p></body></html>
                        """.formatted(escape(title), escape(appName), escape(req.getContextPath()), escape(req.getContextPath()),
                        escape(appName), escape(title), escape(text),
                        escape(req.getContextPath()), escape(home))).getBytes(StandardCharsets.UTF_8);
                response.getOutputStream().write(body);
            }
        };
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        return page;
    }

    private static String escape(String value) {
        return HtmlUtils.htmlEscape(value);
    }
}
