package dev.ordino.ordering;

import dev.ordino.base.DomainException;
import dev.ordino.base.api.IdempotencyKey;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.Platform;
import dev.ordino.ordering.internal.CustomerOrder;
import dev.ordino.ordering.internal.OrderBook;
import dev.ordino.ordering.internal.OrderItem;
import dev.ordino.ordering.internal.OrderWriter;
import dev.ordino.ordering.internal.OrderRepository;
import dev.ordino.wallet.LedgerType;
import dev.ordino.wallet.WalletService;
import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers' side of orders: placing (paid from the wallet in the same transaction), reading
 * their own orders, cancelling while nothing has been handed to fulfilment.
 */
@Service
public class OrderService {

    public static final int MAX_ITEMS = 50;
    public static final int MAX_NOTE = 1000;
    private static final int ATTEMPTS = 3;

    private final OrderRepository orders;
    private final OrderBook book;
    private final CatalogService catalog;
    private final WalletService wallet;
    private final StoreCurrency currency;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final OrderWriter writer;
    private final CheckoutPayments checkoutPayments;
    private final OrderPayments orderPayments;
    private final CustomerPrices prices;
    private final FulfilmentPlans plans;
    private final CodeDelivery codeDelivery;
    private final CodeSupply codeSupply;

    OrderService(OrderRepository orders, OrderBook book, OrderWriter writer, CatalogService catalog, WalletService wallet,
                 StoreCurrency currency, ApplicationEventPublisher events, Clock clock,
                 PlatformTransactionManager transactions,
                 CheckoutPayments checkoutPayments, OrderPayments orderPayments, CustomerPrices prices,
                 FulfilmentPlans plans, CodeDelivery codeDelivery, CodeSupply codeSupply) {
        this.prices = prices;
        this.plans = plans;
        this.codeSupply = codeSupply;
        this.codeDelivery = codeDelivery;
        this.checkoutPayments = checkoutPayments;
        this.orderPayments = orderPayments;
        this.orders = orders;
        this.book = book;
        this.writer = writer;
        this.catalog = catalog;
        this.wallet = wallet;
        this.currency = currency;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A line priced: what the order form shows as the customer types, and what {@link #place} charges. */
    public record PricedLine(OfferingView offering, long quantity, String link, String note, Map<String, String> extras,
                             BigDecimal lineTotal) {
    }

    /** Most characters of comments or usernames on one line. */
    public static final int MAX_LIST = 3500;

    /**
     * Checks and prices one line without placing anything.
     *
     * @throws DomainException {@code product_not_found}, {@code quantity_out_of_range}, {@code invalid_link}, ...
     */
    public PricedLine price(PlaceOrder.Line line, OfferingView offering) {
        if (offering == null || !offering.active()) {
            throw DomainException.notFound("product_not_found", "No such product: " + line.productId());
        }
        Map<String, String> extras = new LinkedHashMap<>();
        Long quantity = line.quantity();
        if (offering.takesComments() || offering.takesUsernames()) {
            String field = offering.takesComments() ? "comments" : "usernames";
            List<String> entries = entries(offering.takesComments() ? line.comments() : line.usernames(), field);
            if (quantity != null && quantity != entries.size()) {
                throw DomainException.badRequest("quantity_mismatch", field,
                        "Enter one entry per line: " + entries.size() + " lines for a quantity of " + quantity, entries.size());
            }
            quantity = (long) entries.size();
            extras.put(field, String.join("\n", entries));
        }
        if (quantity == null || quantity < offering.minQuantity() || quantity > offering.maxQuantity()) {
            throw new DomainException(400, "quantity_out_of_range", "quantity",
                    "Quantity for " + offering.name() + " must be between " + offering.minQuantity() + " and "
                            + offering.maxQuantity(), offering.minQuantity(), offering.maxQuantity());
        }
        String link = line.link() == null ? null : line.link().strip();
        if (offering.needsLink()) {
            if (!offering.platform().accepts(link)) {
                throw DomainException.badRequest("invalid_link", "link",
                        "Enter a link to a " + offering.platform().key() + " page (https://...)", offering.platform().key());
            }
        } else if (link != null && !link.isEmpty() && !Platform.OTHER.accepts(link)) {
            throw DomainException.badRequest("invalid_link", "link", "Enter a web address starting with https://", "web");
        }
        String note = line.note() == null ? null : line.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw DomainException.badRequest("note_too_long", "note", "Use at most " + MAX_NOTE + " characters", MAX_NOTE);
        }
        long charged = quantity;
        if (line.runs() != null || line.interval() != null) {
            if (!offering.dripfeed()) {
                throw DomainException.badRequest("dripfeed_not_available", "runs", "This service cannot be spread over runs");
            }
            if (line.runs() == null || line.runs() < 2 || line.runs() > 1000) {
                throw DomainException.badRequest("invalid_runs", "runs", "Runs must be between 2 and 1000", 2, 1000);
            }
            if (line.interval() == null || line.interval() < 1 || line.interval() > 10_080) {
                throw DomainException.badRequest("invalid_interval", "interval",
                        "Interval must be between 1 and 10080 minutes", 1, 10_080);
            }
            extras.put("runs", line.runs().toString());
            extras.put("interval", line.interval().toString());
            charged = Math.multiplyExact(quantity, (long) line.runs());
        }
        if (!offering.inStock()) {
            throw DomainException.conflict("out_of_stock", offering.name() + " is out of stock", offering.name());
        }
        BigDecimal total = currency.round(offering.packages().isEmpty()
                ? offering.price().multiply(BigDecimal.valueOf(charged)).divide(BigDecimal.valueOf(offering.pricePer()), 10,
                RoundingMode.HALF_UP)
                : packagePrice(offering, quantity));
        return new PricedLine(offering, quantity, link == null || link.isEmpty() ? null : link,
                note == null || note.isEmpty() ? null : note, Map.copyOf(extras), total);
    }

    /** The offering at the customer's prices (their price tier), as {@link #place} charges it. */
    public OfferingView atCustomerPrices(long customerId, OfferingView offering) {
        return prices.forCustomer(customerId, offering);
    }

    /** An offering sold in packages takes one of its package sizes as the quantity, at that package's price. */
    private static BigDecimal packagePrice(OfferingView offering, long quantity) {
        String sizes = offering.packages().stream().map(p -> String.valueOf(p.size())).collect(Collectors.joining(", "));
        return offering.packageOf(quantity).orElseThrow(() -> DomainException.badRequest("invalid_package", "quantity",
                "Choose one of the packages: " + sizes, sizes)).price();
    }

    private static List<String> entries(String text, String field) {
        if (text == null || text.isBlank()) {
            throw DomainException.badRequest("required", field, "Enter one entry per line");
        }
        if (text.length() > MAX_LIST) {
            throw DomainException.badRequest("too_long", field, "Use at most " + MAX_LIST + " characters", MAX_LIST);
        }
        return text.lines().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    /**
     * Places an order paid from the customer's wallet. With an idempotency key, a repeat of the
     * same request answers the first order (and charges nothing); the same key with another body
     * is refused with {@code idempotency_key_reused}.
     */
    @PreAuthorize("isAuthenticated()")
    public Placement place(long customerId, String actor, PlaceOrder request, String idempotencyKey) {
        if (request == null || request.items() == null || request.items().isEmpty()) {
            throw DomainException.badRequest("items_required", "items", "Add at least one item");
        }
        if (request.items().size() > MAX_ITEMS) {
            throw DomainException.badRequest("too_many_items", "items", "At most " + MAX_ITEMS + " items per order", MAX_ITEMS);
        }
        String method = request.payment() == null || request.payment().isBlank() ? "wallet" : request.payment().strip();
        Long gatewayId = gatewayOf(method);
        String key = IdempotencyKey.of(idempotencyKey);
        for (PlaceOrder.Line line : request.items()) {
            if (line == null || line.productId() == null) {
                throw DomainException.badRequest("product_required", "productId", "Each item needs a productId");
            }
        }
        Placement placement = placeWithRetry(customerId, actor, request, method, key);
        if (gatewayId == null) {
            return placement;
        }
        if (!placement.created()) {
            return new Placement(placement.order(), false, checkoutPayments.forOrder(placement.order().id()).orElse(null));
        }
        try {
            return new Placement(placement.order(), true, checkoutPayments.start(placement.order().id(), customerId, actor,
                    placement.order().total(), gatewayId));
        } catch (RuntimeException e) {
            // Nothing was paid: the order goes, and so does anything it reserved.
            orderPayments.failed(placement.order().id(), "The payment could not be started", actor);
            throw e;
        }
    }

    /** {@code gateway:<id>} answers the gateway instance id (checked); {@code wallet} answers null. */
    private Long gatewayOf(String method) {
        if (method.equals("wallet")) {
            return null;
        }
        if (!method.startsWith("gateway:")) {
            throw DomainException.badRequest("unsupported_payment", "payment", "payment must be wallet or gateway:<id>");
        }
        long id;
        try {
            id = Long.parseLong(method.substring("gateway:".length()));
        } catch (NumberFormatException e) {
            throw DomainException.badRequest("unsupported_payment", "payment", "payment must be wallet or gateway:<id>");
        }
        checkoutPayments.check(id);
        return id;
    }

    private Placement placeWithRetry(long customerId, String actor, PlaceOrder request, String method, String key) {
        for (int attempt = 1; ; attempt++) {
            try {
                // Pricing reads the catalog in the same transaction: one connection, one round of commits.
                return transaction.execute(status -> {
                    List<PricedLine> lines = priced(customerId, request);
                    return placeLocked(customerId, actor, lines, plans.plan(lines, request.fulfilment()), method, key);
                });
            } catch (PessimisticLockingFailureException | DataIntegrityViolationException e) {
                // A deadlock victim, or a concurrent twin that won the idempotency key: look again.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private List<PricedLine> priced(long customerId, PlaceOrder request) {
        Map<Long, OfferingView> offerings = prices.forCustomer(customerId,
                catalog.offerings(request.items().stream().map(PlaceOrder.Line::productId).toList()));
        List<PricedLine> lines = new ArrayList<>();
        for (PlaceOrder.Line line : request.items()) {
            lines.add(price(line, offerings.get(line.productId())));
        }
        return lines;
    }

    private Placement placeLocked(long customerId, String actor, List<PricedLine> lines, FulfilmentPlans.Plan plan,
                                  String method, String key) {
        BigDecimal total = lines.stream().map(PricedLine::lineTotal).reduce(plan.fee(), BigDecimal::add);
        String hash = hash(lines, method + plan.canonical());
        BigDecimal balance = wallet.lock(customerId); // one money operation per customer at a time
        if (key != null) {
            Optional<CustomerOrder> earlier = orders.findByCustomerIdAndIdempotencyKey(customerId, key);
            if (earlier.isPresent()) {
                if (!hash.equals(earlier.get().getRequestHash())) {
                    throw new DomainException(422, "idempotency_key_reused", null,
                            "This Idempotency-Key was used for a different order");
                }
                return new Placement(book.view(earlier.get(), actor), false);
            }
        }
        boolean fromWallet = method.equals("wallet");
        if (fromWallet && balance.compareTo(total) < 0) {
            // Refused before writing anything; the guarded debit below stays the authority.
            throw WalletService.insufficientBalance();
        }
        // in offering order, so two checkouts of the same products never wait on each other crosswise
        lines.stream().filter(line -> line.offering().kind() == OfferingKind.PRODUCT)
                .sorted(Comparator.comparingLong(line -> line.offering().id()))
                .forEach(line -> catalog.takeStock(line.offering(), line.quantity()));
        Instant now = clock.instant();
        long orderId = writer.insertOrder(customerId, method, total, fromWallet, currency.code(), key, hash, now);
        String number = OrderWriter.number(orderId);
        List<OrderItemView> items = new ArrayList<>();
        for (PricedLine line : lines) {
            OfferingView o = line.offering();
            items.add(writer.insertItem(orderId, items.size() + 1, o.id(), o.kind(), o.name(), line.quantity(), line.link(),
                    line.note(), line.extras(), o.price(), o.pricePer(), line.lineTotal()));
        }
        plans.open(orderId, plan, now);
        if (fromWallet && total.signum() > 0) {
            wallet.debit(customerId, total, LedgerType.ORDER_PAYMENT, "order:" + orderId + ":payment",
                    "Payment for order " + number, actor);
        }
        writer.insertTimeline(orderId, now, actor, null, OrderStatus.PENDING,
                fromWallet ? "Placed and paid from the wallet" : "Placed; waiting for the payment");
        events.publishEvent(new OrderPlaced(orderId, number, customerId, total, currency.code(), lines.size()));
        if (fromWallet) {
            events.publishEvent(new OrderPaid(orderId, customerId, total, method));
        }
        if (items.stream().anyMatch(i -> i.kind() == OfferingKind.DIGITAL)) {
            if (!fromWallet) {
                codeDelivery.reserve(orderId, items, now);
            } else {
                // Codes change hands with the payment, in this transaction.
                CustomerOrder placed = orders.lockById(orderId).orElseThrow();
                codeDelivery.deliver(placed, actor);
                return new Placement(book.view(placed, actor), true);
            }
        }
        BigDecimal rounded = currency.round(total);
        BigDecimal zero = currency.round(BigDecimal.ZERO);
        return new Placement(new OrderView(orderId, number, customerId, actor, OrderStatus.PENDING,
                fromWallet ? PaymentStatus.PAID : PaymentStatus.PENDING, method, rounded, fromWallet ? rounded : zero, zero,
                currency.code(), now, fromWallet ? now : null, now, List.copyOf(items)), true);
    }

    /** The customer's own orders, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Page<OrderView> myOrders(long customerId, Pageable pageable) {
        return orders.findByCustomerIdOrderByIdDesc(customerId, pageable).map(o -> book.view(o, null));
    }

    /** The customer's own orders in a group of statuses, matching an order number or a link; newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Page<OrderView> myOrders(long customerId, MyOrdersFilter filter, Pageable pageable) {
        Specification<CustomerOrder> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("customerId"), customerId));
            if (filter.statuses() != null && !filter.statuses().isEmpty()) {
                where.add(root.get("status").in(filter.statuses()));
            }
            String text = filter.query() == null ? "" : filter.query().strip().toLowerCase(Locale.ROOT);
            if (!text.isEmpty()) {
                String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                var items = query.subquery(Long.class);
                var item = items.from(OrderItem.class);
                items.select(item.get("id")).where(cb.equal(item.get("order"), root),
                        cb.like(cb.lower(item.get("link")), like, '\\'));
                where.add(cb.or(cb.like(cb.lower(root.get("number")), like, '\\'), cb.exists(items)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Pageable newestFirst = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Direction.DESC, "id"));
        return orders.findAll(spec, newestFirst).map(o -> book.view(o, null));
    }

    /** One of the customer's own orders; someone else's order does not exist for them. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public OrderView myOrder(long customerId, long orderId) {
        return orders.findByIdAndCustomerId(orderId, customerId).map(o -> book.view(o, null))
                .orElseThrow(() -> DomainException.notFound("order_not_found", "No such order"));
    }

    /** Those of the given orders that are the customer's, by id, in one query; others' orders are absent. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Map<Long, OrderView> myOrders(long customerId, Collection<Long> orderIds) {
        Map<Long, OrderView> found = new LinkedHashMap<>();
        if (!orderIds.isEmpty()) {
            orders.findMineWithItems(customerId, orderIds).forEach(o -> found.put(o.getId(), book.view(o, null)));
        }
        return found;
    }

    /** The codes delivered on the customer's own order, by item id; someone else's order does not exist for them. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Map<Long, List<String>> myCodes(long customerId, long orderId) {
        if (!orders.existsByIdAndCustomerId(orderId, customerId)) {
            throw DomainException.notFound("order_not_found", "No such order");
        }
        return codeSupply.sold(orderId);
    }

    /** The customer's view of the timeline: the shop's own words, no provider names, references or errors. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<TimelineEntry> myTimeline(long customerId, long orderId) {
        if (!orders.existsByIdAndCustomerId(orderId, customerId)) {
            throw DomainException.notFound("order_not_found", "No such order");
        }
        return CustomerTimeline.of(book.timeline(orderId));
    }

    /**
     * Cancels the customer's order with a full refund, while it is {@code pending} and nothing has
     * been handed to fulfilment; otherwise {@code not_cancellable} (409).
     */
    @PreAuthorize("isAuthenticated()")
    public OrderView cancel(long customerId, long orderId, String actor) {
        return transaction.execute(status -> {
            CustomerOrder order = orders.lockById(orderId).filter(o -> o.getCustomerId() == customerId)
                    .orElseThrow(() -> DomainException.notFound("order_not_found", "No such order"));
            if (order.getStatus() != OrderStatus.PENDING || order.isHandedToFulfilment()) {
                throw DomainException.conflict("not_cancellable", "This order can no longer be cancelled");
            }
            book.transition(order, OrderStatus.CANCELLED, "Cancelled by the customer", actor);
            return book.view(order, null);
        });
    }

    private static String hash(List<PricedLine> lines, String method) {
        StringBuilder canonical = new StringBuilder(method);
        for (PricedLine line : lines) {
            canonical.append('|').append(line.offering().id()).append(';').append(line.quantity()).append(';')
                    .append(line.link() == null ? "" : line.link()).append(';').append(line.note() == null ? "" : line.note())
                    .append(';').append(new TreeMap<>(line.extras()));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
