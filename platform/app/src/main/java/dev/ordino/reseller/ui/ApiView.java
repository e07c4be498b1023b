package dev.ordino.reseller.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.reseller.ApiKeys;
import dev.ordino.reseller.CallLog;
import dev.ordino.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;

/**
 * The customer's API page, as every SMM panel has one: keys (made, named, limited to addresses,
 * rotated, revoked; a key is shown once), the last 100 calls, and the protocol with curl and PHP.
 */
@Route(value = "api-keys", layout = MainLayout.class) // not "api": /api/** answers as the JSON API does
@PermitAll
public class ApiView extends VerticalLayout implements HasDynamicTitle {

    final TextField name = new TextField();
    final TextField addresses = new TextField();
    final Button create = new Button();
    /** The new key, shown until the page is left. */
    final Div shownOnce = new Div();
    final Grid<ApiKeys.KeyView> keys = new Grid<>();
    final Grid<CallLog.Call> calls = new Grid<>();

    private final ApiKeys apiKeys;
    private final CallLog callLog;
    private final long user;
    private final DateTimeFormatter when;

    public ApiView(ApiKeys apiKeys, CallLog callLog, CurrentUser currentUser) {
        this.apiKeys = apiKeys;
        this.callLog = callLog;
        this.user = currentUser.requireId();
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale()).withZone(ZoneId.systemDefault());
        addClassName("ordino-page");
        setPadding(false);

        name.setLabel(getTranslation("api.key-name"));
        name.setId("api-key-name");
        name.setMaxLength(ApiKeys.MAX_NAME);
        addresses.setLabel(getTranslation("api.allowed-ips"));
        addresses.setHelperText(getTranslation("api.allowed-ips-help"));
        addresses.setId("api-key-ips");
        create.setText(getTranslation("api.create"));
        create.setId("api-key-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        HorizontalLayout form = new HorizontalLayout(name, addresses, create);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        shownOnce.setId("api-key-shown-once");
        shownOnce.setVisible(false);
        shownOnce.addClassName("ordino-card");

        keys.setId("api-keys");
        keys.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        keys.addColumn(ApiKeys.KeyView::name).setHeader(getTranslation("api.key-name"));
        keys.addColumn(k -> k.prefix() + "…").setHeader(getTranslation("api.prefix"));
        keys.addColumn(k -> k.allowedIps().isEmpty() ? getTranslation("api.any-address") : String.join(", ", k.allowedIps()))
                .setHeader(getTranslation("api.allowed-ips"));
        keys.addColumn(k -> k.disabled() ? getTranslation("api.disabled") : time(k.lastUsedAt()))
                .setHeader(getTranslation("api.last-used"));
        keys.addComponentColumn(this::actions);
        keys.setEmptyStateText(getTranslation("api.no-keys"));
        keys.setAllRowsVisible(true);

        calls.setId("api-calls");
        calls.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        calls.addColumn(c -> time(c.at())).setHeader(getTranslation("api.call-time"));
        calls.addColumn(c -> c.keyPrefix() + "…").setHeader(getTranslation("api.prefix"));
        calls.addColumn(CallLog.Call::action).setHeader(getTranslation("api.call-action"));
        calls.addColumn(CallLog.Call::result).setHeader(getTranslation("api.call-result"));
        calls.addColumn(CallLog.Call::address).setHeader(getTranslation("api.call-address"));
        calls.setEmptyStateText(getTranslation("api.no-calls"));
        calls.setHeight("40vh");

        add(new H2(getTranslation("api.title")), new Div(getTranslation("api.intro")), form, shownOnce,
                new H3(getTranslation("api.keys")), keys, new H3(getTranslation("api.calls")), calls, docs());
        refresh();
    }

    private HorizontalLayout actions(ApiKeys.KeyView key) {
        Button rotate = new Button(getTranslation("api.rotate"), e -> rotate(key));
        rotate.addClassName("api-key-rotate");
        rotate.setEnabled(key.active());
        Button revoke = new Button(getTranslation("api.revoke"), e -> revoke(key));
        revoke.addClassName("api-key-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : List.of(rotate, revoke)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(rotate, revoke);
    }

    void create() {
        try {
            List<String> ips = addresses.getValue().isBlank() ? List.of()
                    : Arrays.stream(addresses.getValue().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
            show(apiKeys.create(user, name.getValue(), ips));
            name.clear();
            addresses.clear();
        } catch (DomainException e) {
            Feedback.invalid("allowedIps".equals(e.field()) ? addresses : name, Feedback.message(this, e));
        }
    }

    void rotate(ApiKeys.KeyView key) {
        show(apiKeys.rotate(user, key.id()));
    }

    void revoke(ApiKeys.KeyView key) {
        apiKeys.revoke(user, key.id());
        shownOnce.setVisible(false);
        Feedback.success(getTranslation("api.revoked", key.name()));
        refresh();
    }

    private void show(ApiKeys.CreatedKey created) {
        Span key = new Span(created.key());
        key.setId("api-key-value");
        key.getStyle().set("font-family", "monospace").set("word-break", "break-all").set("font-weight", "600");
        shownOnce.removeAll();
        shownOnce.add(new Div(getTranslation("api.shown-once", created.name())), key);
        shownOnce.setVisible(true);
        refresh();
    }

    void refresh() {
        keys.setItems(apiKeys.mine(user));
        calls.setItems(callLog.latest(user));
    }

    private String time(Instant at) {
        return at == null ? "—" : when.format(at);
    }

    private Div docs() {
        String url = endpoint();
        Div docs = new Div(new H3(getTranslation("api.docs")), new Div(getTranslation("api.docs-intro", url)),
                new Pre(getTranslation("api.docs-actions")),
                new Div(getTranslation("api.docs-curl")),
                new Pre("curl -X POST " + url + " \\\n  -d key=YOUR_KEY -d action=services\n\n"
                        + "curl -X POST " + url + " \\\n  -d key=YOUR_KEY -d action=add -d service=1 \\\n"
                        + "  -d link=https://www.instagram.com/example -d quantity=1000\n\n"
                        + "curl \"" + url + "?key=YOUR_KEY&action=status&orders=1,2,3\""),
                new Div(getTranslation("api.docs-php")),
                new Pre("<?php\n$ch = curl_init('" + url + "');\ncurl_setopt($ch, CURLOPT_POST, true);\n"
                        + "curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);\n"
                        + "curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query([\n"
                        + "    'key' => 'YOUR_KEY', 'action' => 'add', 'service' => 1,\n"
                        + "    'link' => 'https://www.instagram.com/example', 'quantity' => 1000,\n"
                        + "    'idempotency_key' => 'my-order-42',\n]));\n"
                        + "$answer = json_decode(curl_exec($ch), true);\n"
                        + "echo isset($answer['error']) ? $answer['error'] : $answer['order'];\n"));
        docs.setId("api-docs");
        return docs;
    }

    /** This shop's address of the endpoint, as the browser reached it. */
    private static String endpoint() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "/api/v2";
        }
        var http = request.getHttpServletRequest();
        int port = http.getServerPort();
        boolean usual = ("http".equals(http.getScheme()) && port == 80) || ("https".equals(http.getScheme()) && port == 443);
        return http.getScheme() + "://" + http.getServerName() + (usual || port <= 0 ? "" : ":" + port) + http.getContextPath() + "/api/v2";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("api.title");
    }
}
