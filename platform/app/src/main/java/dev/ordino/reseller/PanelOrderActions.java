package dev.ordino.reseller;

import dev.ordino.base.DomainException;
import dev.ordino.fulfilment.ProviderOrders;
import dev.ordino.ordering.OrderItemView;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code status}, {@code refill}, {@code refill_status} and {@code cancel}: one order or a comma list
 * of at most {@value #MAX_BATCH}, with an error per item that fails. Another customer's order, or an
 * unknown one, is an "Incorrect order ID".
 */
@Component
class PanelOrderActions {

    static final int MAX_BATCH = 100;

    private final OrderService orders;
    private final ProviderOrders providerOrders;

    PanelOrderActions(OrderService orders, ProviderOrders providerOrders) {
        this.orders = orders;
        this.providerOrders = providerOrders;
    }

    PanelAnswer status(long userId, Map<String, String> params) {
        if (params.containsKey("orders")) {
            List<String> ids = list(params.get("orders"));
            if (ids == null) {
                return PanelAnswer.error(PanelAnswer.INCORRECT_REQUEST);
            }
            Map<Long, OrderView> found = orders.myOrders(userId, ids.stream().map(PanelOrderActions::id).filter(i -> i != null).toList());
            Map<String, Object> answer = new LinkedHashMap<>();
            for (String id : ids) {
                OrderView order = Optional.ofNullable(id(id)).map(found::get).orElse(null);
                answer.put(id, order == null ? PanelAnswer.errorOf(PanelAnswer.INCORRECT_ORDER) : status(order));
            }
            return PanelAnswer.ok(answer);
        }
        Long id = id(params.get("order"));
        OrderView order = id == null ? null : orders.myOrders(userId, List.of(id)).get(id);
        return order == null ? PanelAnswer.error(PanelAnswer.INCORRECT_ORDER) : PanelAnswer.ok(status(order));
    }

    private static Map<String, String> status(OrderView order) {
        OrderItemView item = order.items().isEmpty() ? null : order.items().getFirst();
        long quantity = item == null ? 0 : item.quantity();
        Long remains = item == null ? null : item.remains();
        if (remains == null) {
            remains = order.status() == OrderStatus.COMPLETED ? 0 : quantity;
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("charge", money(order.paidAmount().subtract(order.refundedAmount())));
        answer.put("start_count", Long.toString(item == null || item.startCount() == null ? 0 : item.startCount()));
        answer.put("status", PanelStatus.of(order.status()));
        answer.put("remains", Long.toString(remains));
        answer.put("currency", order.currency());
        return answer;
    }

    PanelAnswer refill(long userId, String actor, Map<String, String> params) {
        if (params.containsKey("orders")) {
            return perOrder(userId, params.get("orders"), "refill", order -> providerOrders.requestRefill(userId, order.id(), actor).id());
        }
        Long orderId = id(params.get("order"));
        if (orderId == null || orders.myOrders(userId, List.of(orderId)).isEmpty()) {
            return PanelAnswer.error(PanelAnswer.INCORRECT_ORDER);
        }
        try {
            return PanelAnswer.ok(Map.of("refill", Long.toString(providerOrders.requestRefill(userId, orderId, actor).id())));
        } catch (DomainException e) {
            return PanelAnswer.error(e.getMessage());
        }
    }

    PanelAnswer refillStatus(long userId, Map<String, String> params) {
        if (params.containsKey("refills")) {
            List<String> ids = list(params.get("refills"));
            if (ids == null) {
                return PanelAnswer.error(PanelAnswer.INCORRECT_REQUEST);
            }
            List<Map<String, Object>> answer = new ArrayList<>();
            for (String id : ids) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("refill", number(id));
                Optional<String> status = Optional.ofNullable(id(id)).flatMap(r -> providerOrders.refillStatus(userId, r));
                entry.put("status", status.<Object>map(s -> s).orElse(PanelAnswer.errorOf(PanelAnswer.INCORRECT_REFILL)));
                answer.add(entry);
            }
            return PanelAnswer.ok(answer);
        }
        Optional<String> status = Optional.ofNullable(id(params.get("refill"))).flatMap(r -> providerOrders.refillStatus(userId, r));
        return status.map(s -> PanelAnswer.ok(Map.of("status", s))).orElse(PanelAnswer.error(PanelAnswer.INCORRECT_REFILL));
    }

    /** Cancels what has not been handed on yet; asks the provider to cancel what runs there. */
    PanelAnswer cancel(long userId, String actor, Map<String, String> params) {
        return perOrder(userId, params.containsKey("orders") ? params.get("orders") : params.get("order"), "cancel", order -> {
            cancel(userId, actor, order);
            return 1;
        });
    }

    /** What one order of a batch answers: a value, or a {@link DomainException} for its error. */
    private interface OrderAction {
        Object apply(OrderView order);
    }

    /** {@code [{"order": 1, "<field>": value}, {"order": 2, "<field>": {"error": "..."}}]} for a comma list of orders. */
    private PanelAnswer perOrder(long userId, String text, String field, OrderAction action) {
        List<String> ids = list(text);
        if (ids == null) {
            return PanelAnswer.error(PanelAnswer.INCORRECT_REQUEST);
        }
        Map<Long, OrderView> mine = orders.myOrders(userId, ids.stream().map(PanelOrderActions::id).filter(i -> i != null).toList());
        List<Map<String, Object>> answer = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("order", number(id));
            Long orderId = id(id);
            OrderView order = orderId == null ? null : mine.get(orderId);
            if (order == null) {
                entry.put(field, PanelAnswer.errorOf(PanelAnswer.INCORRECT_ORDER));
            } else {
                try {
                    entry.put(field, action.apply(order));
                } catch (DomainException e) {
                    entry.put(field, PanelAnswer.errorOf(e.getMessage()));
                }
            }
            answer.add(entry);
        }
        return PanelAnswer.ok(answer);
    }

    private void cancel(long userId, String actor, OrderView order) {
        try {
            orders.cancel(userId, order.id(), actor);
        } catch (DomainException notPendingAnyMore) {
            if (!"not_cancellable".equals(notPendingAnyMore.code())) {
                throw notPendingAnyMore;
            }
            providerOrders.requestCancel(userId, order.id(), actor);
        }
    }

    /** The ids of a comma list; null when empty or longer than {@value #MAX_BATCH}. */
    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                ids.add(part.strip());
            }
        }
        return ids.isEmpty() || ids.size() > MAX_BATCH ? null : ids;
    }

    static Long id(String text) {
        if (text == null || text.isBlank() || text.strip().length() > 18) {
            return null;
        }
        try {
            long id = Long.parseLong(text.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An id as the client sent it: a number when it is one. */
    private static Object number(String text) {
        Long id = id(text);
        return id == null ? text : id;
    }

    static String money(BigDecimal amount) {
        return amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }
}
