package dev.ordino.ordering;

import dev.ordino.base.DomainException;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingView;
import dev.ordino.ordering.internal.CartItem;
import dev.ordino.ordering.internal.CartItemRepository;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's cart, kept in the database with the account: it is there after signing out and
 * in again, on another device and on whichever node serves the next request.
 */
@Service
public class CartService {

    private final CartItemRepository items;
    private final CatalogService catalog;
    private final OrderService orders;
    private final Clock clock;
    private final CustomerPrices prices;

    CartService(CartItemRepository items, CatalogService catalog, OrderService orders, Clock clock, CustomerPrices prices) {
        this.prices = prices;
        this.items = items;
        this.catalog = catalog;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * One line of the cart, priced now. {@code priced} is null when the offering can no longer be
     * ordered as it was put in (taken off sale, out of stock, limits changed): the customer sees
     * why and removes it.
     */
    public record CartLine(long id, long offeringId, OfferingView offering, long quantity, String link, String note,
                           Map<String, String> extras, OrderService.PricedLine priced, DomainException problem) {

        public BigDecimal lineTotal() {
            return priced == null ? BigDecimal.ZERO : priced.lineTotal();
        }

        PlaceOrder.Line toOrderLine() {
            return new PlaceOrder.Line(offeringId, quantity, link, note, number(extras.get("runs")),
                    number(extras.get("interval")), extras.get("comments"), extras.get("usernames"));
        }
    }

    /** The cart as it stands: its lines, what can be paid for now, and the key that makes a double click place one order. */
    public record Contents(List<CartLine> lines, BigDecimal total, String checkoutKey) {

        public boolean isEmpty() {
            return lines.isEmpty();
        }

        public boolean orderable() {
            return !lines.isEmpty() && lines.stream().allMatch(l -> l.priced() != null);
        }
    }

    /** Adds a line checked by {@link OrderService#price}. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void add(long customerId, OrderService.PricedLine line) {
        if (items.countByCustomerId(customerId) >= OrderService.MAX_ITEMS) {
            throw DomainException.badRequest("too_many_items", "items",
                    "At most " + OrderService.MAX_ITEMS + " items per order", OrderService.MAX_ITEMS);
        }
        items.save(new CartItem(customerId, line.offering().id(), line.quantity(), line.link(), line.note(), line.extras(),
                clock.instant()));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Contents contents(long customerId) {
        List<CartItem> rows = items.findByCustomerIdOrderByIdAsc(customerId);
        Map<Long, OfferingView> offerings = prices.forCustomer(customerId,
                catalog.offerings(rows.stream().map(CartItem::getOfferingId).toList()));
        List<CartLine> lines = new ArrayList<>();
        StringBuilder ids = new StringBuilder("cart:" + customerId);
        for (CartItem row : rows) {
            OfferingView offering = offerings.get(row.getOfferingId());
            CartLine unpriced = new CartLine(row.getId(), row.getOfferingId(), offering, row.getQuantity(), row.getLink(), row.getNote(),
                    row.getExtras(), null, null);
            OrderService.PricedLine priced = null;
            DomainException problem = null;
            try {
                priced = orders.price(unpriced.toOrderLine(), offering);
            } catch (DomainException e) {
                problem = e;
            }
            lines.add(new CartLine(row.getId(), row.getOfferingId(), offering, row.getQuantity(), row.getLink(), row.getNote(), row.getExtras(),
                    priced, problem));
            ids.append(':').append(row.getId());
        }
        BigDecimal total = lines.stream().map(CartLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Contents(List.copyOf(lines), total, "cart-" + sha256(ids.toString()).substring(0, 40));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void remove(long customerId, long itemId) {
        items.deleteOwned(customerId, List.of(itemId));
    }

    /**
     * Places the cart as one order. The idempotency key comes from the cart lines' ids, so a second
     * click (or a retry after a crash between placing and emptying the cart) answers the same order.
     */
    @PreAuthorize("isAuthenticated()")
    public Placement checkout(long customerId, String actor, Contents contents, String payment) {
        return checkout(customerId, actor, contents, payment, null);
    }

    /** The same, with pickup or delivery for the cart's products. */
    @PreAuthorize("isAuthenticated()")
    public Placement checkout(long customerId, String actor, Contents contents, String payment, FulfilmentChoice fulfilment) {
        if (contents.isEmpty()) {
            throw DomainException.badRequest("items_required", "items", "Add at least one item");
        }
        Placement placement = orders.place(customerId, actor,
                new PlaceOrder(contents.lines().stream().map(CartLine::toOrderLine).toList(), payment, fulfilment),
                contents.checkoutKey());
        emptied(customerId, contents);
        return placement;
    }

    private void emptied(long customerId, Contents contents) {
        items.deleteOwned(customerId, contents.lines().stream().map(CartLine::id).toList());
    }

    private static Integer number(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
