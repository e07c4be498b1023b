package dev.ordino.reseller;

import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.ordering.CustomerPrices;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.ordering.Placement;
import dev.ordino.security.Roles;
import dev.ordino.wallet.WalletService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The SMM panel API v2 as Ordino serves it: the key and the limits first, then the action, run as
 * the key's owner through the same services (and the same rules) as the web. Every call made with a
 * key is logged for its owner.
 */
@Service
public class PanelActions {

    /** The longest {@code idempotency_key} a client may send (the order's key adds the API key's id). */
    static final int MAX_IDEMPOTENCY_KEY = 64;

    private final ApiKeys keys;
    private final PanelLimits limits;
    private final CallLog calls;
    private final PanelOrderActions orderActions;
    private final OrderService orders;
    private final CatalogService catalog;
    private final CustomerPrices prices;
    private final WalletService wallet;
    private final StoreCurrency currency;

    PanelActions(ApiKeys keys, PanelLimits limits, CallLog calls, PanelOrderActions orderActions, OrderService orders,
                 CatalogService catalog, CustomerPrices prices, WalletService wallet, StoreCurrency currency) {
        this.keys = keys;
        this.limits = limits;
        this.calls = calls;
        this.orderActions = orderActions;
        this.orders = orders;
        this.catalog = catalog;
        this.prices = prices;
        this.wallet = wallet;
        this.currency = currency;
    }

    /** Answers one call; {@code params} are the request's fields (form, query string or JSON), {@code address} the client's. */
    public PanelAnswer handle(Map<String, String> params, String address) {
        if (!limits.allowFrom(address)) {
            return PanelAnswer.tooMany();
        }
        ApiKeys.KeyHolder holder = keys.holder(params.get("key")).orElse(null);
        if (holder == null) {
            return PanelAnswer.error(PanelAnswer.INVALID_KEY);
        }
        String action = params.getOrDefault("action", "").strip();
        PanelAnswer answer;
        if (!holder.addresses().allows(address)) {
            answer = PanelAnswer.error(PanelAnswer.IP_NOT_ALLOWED);
        } else if (!limits.allowKey(holder.keyId())) {
            answer = PanelAnswer.tooMany();
        } else {
            answer = asOwner(holder, () -> act(holder, action, params));
        }
        calls.record(holder.keyId(), holder.userId(), action, answer.summary(), address);
        return answer;
    }

    private PanelAnswer act(ApiKeys.KeyHolder holder, String action, Map<String, String> params) {
        long userId = holder.userId();
        String actor = "API key " + holder.prefix();
        try {
            return switch (action) {
                case "services" -> PanelAnswer.ok(services(userId));
                case "add" -> add(holder, actor, params);
                case "status" -> orderActions.status(userId, params);
                case "refill" -> orderActions.refill(userId, actor, params);
                case "refill_status" -> orderActions.refillStatus(userId, params);
                case "cancel" -> orderActions.cancel(userId, actor, params);
                case "balance" -> PanelAnswer.ok(Map.of("balance", PanelOrderActions.money(wallet.balance(userId)),
                        "currency", currency.code()));
                default -> PanelAnswer.error(PanelAnswer.INCORRECT_REQUEST);
            };
        } catch (DomainException e) {
            return PanelAnswer.error(e.getMessage());
        }
    }

    /** Every enabled SMM service at the owner's prices, per 1000 as panels quote them. */
    private List<Map<String, Object>> services(long userId) {
        List<OfferingView> offerings = catalog.activeOfferings(OfferingKind.SERVICE);
        return prices.forCustomer(userId, offerings).stream().map(o -> {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("service", o.id());
            service.put("name", o.name());
            service.put("type", o.serviceType() == null ? "Default" : o.serviceType());
            service.put("category", o.categoryName());
            service.put("rate", PanelOrderActions.money(o.displayPrice()));
            service.put("min", Long.toString(o.minQuantity()));
            service.put("max", Long.toString(o.maxQuantity()));
            service.put("refill", o.refillDays() > 0);
            service.put("cancel", o.cancelAllowed());
            service.put("dripfeed", o.dripfeed());
            return service;
        }).toList();
    }

    private PanelAnswer add(ApiKeys.KeyHolder holder, String actor, Map<String, String> params) {
        Long serviceId = PanelOrderActions.id(params.get("service"));
        OfferingView offering = serviceId == null ? null : catalog.offering(serviceId).orElse(null);
        if (offering == null || !offering.active() || offering.kind() != OfferingKind.SERVICE) {
            return PanelAnswer.error(PanelAnswer.INCORRECT_SERVICE);
        }
        String idempotency = params.get("idempotency_key");
        if (idempotency != null && (idempotency.isBlank() || idempotency.strip().length() > MAX_IDEMPOTENCY_KEY)) {
            return PanelAnswer.error(PanelAnswer.INCORRECT_REQUEST);
        }
        Long quantity = count(params.get("quantity"));
        Integer runs = small(params.get("runs"));
        Integer interval = small(params.get("interval"));
        if ((params.containsKey("quantity") && quantity == null) || (params.containsKey("runs") && runs == null)
                || (params.containsKey("interval") && interval == null)) {
            return PanelAnswer.error(PanelAnswer.INCORRECT_REQUEST);
        }
        PlaceOrder.Line line = new PlaceOrder.Line(serviceId, quantity, params.get("link"), null, runs, interval,
                params.get("comments"), params.get("usernames"));
        String key = idempotency == null ? null : "api:" + holder.keyId() + ":" + idempotency.strip();
        try {
            Placement placement = orders.place(holder.userId(), actor, new PlaceOrder(List.of(line), "wallet"), key);
            return PanelAnswer.ok(Map.of("order", placement.order().id()));
        } catch (DomainException e) {
            return PanelAnswer.error(addError(e, quantity));
        }
    }

    /** The panels' words for what the web says in its own. */
    private static String addError(DomainException e, Long quantity) {
        return switch (e.code()) {
            case "product_not_found" -> PanelAnswer.INCORRECT_SERVICE;
            case "invalid_link" -> PanelAnswer.INCORRECT_LINK;
            case "insufficient_balance" -> PanelAnswer.NOT_ENOUGH_FUNDS;
            case "quantity_out_of_range" -> {
                Object min = e.arguments().get(0);
                Object max = e.arguments().get(1);
                yield quantity != null && quantity > ((Number) max).longValue() ? "Quantity more than maximal " + max
                        : "Quantity less than minimal " + min;
            }
            default -> e.getMessage();
        };
    }

    private static Long count(String text) {
        Long value = PanelOrderActions.id(text);
        return value == null && text != null && text.strip().equals("0") ? Long.valueOf(0) : value;
    }

    private static Integer small(String text) {
        Long value = PanelOrderActions.id(text);
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    /** Runs the action with the key's owner signed in, so the services' own checks apply to them. */
    private static PanelAnswer asOwner(ApiKeys.KeyHolder holder, Supplier<PanelAnswer> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(Long.toString(holder.userId()), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.CUSTOMER))));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
