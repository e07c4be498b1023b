package dev.ordino.reseller;

import dev.ordino.base.DomainException;
import dev.ordino.base.api.IdempotencyKey;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingView;
import dev.ordino.ordering.CustomerPrices;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.ordering.Placement;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mass orders as SMM panels take them: one order per line, {@code service_id|link|quantity}. Every
 * line is checked and priced before anything is charged (unknown service, bad link, quantity out
 * of range, a total over the balance); then all lines are placed in one transaction, one order and
 * one wallet debit each, through the same {@link OrderService#place} as any order, or none is.
 */
@Service
public class MassOrders {

    public static final int MAX_LINES = 500;
    public static final int MAX_TEXT = 100_000;

    private final OrderService orders;
    private final CatalogService catalog;
    private final CustomerPrices prices;
    private final WalletService wallet;
    private final StoreCurrency currency;
    private final TransactionTemplate transaction;

    MassOrders(OrderService orders, CatalogService catalog, CustomerPrices prices, WalletService wallet, StoreCurrency currency,
               PlatformTransactionManager transactions) {
        this.orders = orders;
        this.catalog = catalog;
        this.prices = prices;
        this.wallet = wallet;
        this.currency = currency;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One line's verdict; {@code line} counts from 1 as the text's lines do. */
    public record LineResult(int line, boolean ok, String code, String error, BigDecimal total) {
    }

    /** The preview or the placement: {@code orders} only when placed. */
    public record Result(List<LineResult> lines, BigDecimal total, List<OrderView> orders, boolean placed, boolean created) {

        public boolean valid() {
            return !lines.isEmpty() && lines.stream().allMatch(LineResult::ok);
        }
    }

    /** Checks every line and prices them at the customer's prices; charges nothing. */
    @PreAuthorize("isAuthenticated()")
    public Result preview(long customerId, String text) {
        List<Parsed> parsed = parse(text);
        Map<Long, OfferingView> offerings = prices.forCustomer(customerId,
                catalog.offerings(parsed.stream().filter(p -> p.line() != null).map(p -> p.line().productId()).toList()));
        BigDecimal balance = wallet.balance(customerId);
        BigDecimal total = BigDecimal.ZERO;
        List<LineResult> results = new ArrayList<>();
        for (Parsed p : parsed) {
            if (p.problem() != null) {
                results.add(new LineResult(p.number(), false, p.problem().code(), p.problem().getMessage(), null));
                continue;
            }
            try {
                OfferingView offering = offerings.get(p.line().productId());
                if (offering != null && !offering.kind().isSmm()) {
                    offering = null; // one line is one SMM order, as on the panels
                }
                BigDecimal lineTotal = orders.price(p.line(), offering).lineTotal();
                total = total.add(lineTotal);
                if (total.compareTo(balance) > 0) {
                    DomainException poor = WalletService.insufficientBalance();
                    results.add(new LineResult(p.number(), false, poor.code(), poor.getMessage(), lineTotal));
                } else {
                    results.add(new LineResult(p.number(), true, null, null, lineTotal));
                }
            } catch (DomainException e) {
                results.add(new LineResult(p.number(), false, e.code(), e.getMessage(), null));
            }
        }
        return new Result(List.copyOf(results), currency.round(total), null, false, false);
    }

    /**
     * Places every line, or none when any line fails (the preview's answer comes back unplaced).
     * With an idempotency key, a repeat answers the orders placed the first time and charges nothing.
     */
    @PreAuthorize("isAuthenticated()")
    public Result place(long customerId, String actor, String text, String idempotencyKey) {
        String key = IdempotencyKey.of(idempotencyKey);
        Result preview = preview(customerId, text);
        List<Parsed> parsed = parse(text);
        // A repeat of a placed text fails the preview (its money is spent): with a key, placing tells.
        if (!preview.valid() && (key == null || parsed.stream().anyMatch(p -> p.problem() != null))) {
            return preview;
        }
        String scope = key == null ? null : "mass:" + digest(key) + ":";
        List<Placement> placements;
        try {
            placements = transaction.execute(status -> {
                List<Placement> placed = new ArrayList<>();
                for (Parsed p : parsed) {
                    placed.add(orders.place(customerId, actor, new PlaceOrder(List.of(p.line()), "wallet"),
                            scope == null ? null : scope + p.number()));
                }
                return placed;
            });
        } catch (DomainException e) {
            if (!preview.valid()) {
                return preview;
            }
            throw e;
        }
        List<OrderView> views = placements.stream().map(Placement::order).toList();
        BigDecimal total = views.stream().map(OrderView::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean created = placements.stream().anyMatch(Placement::created);
        return new Result(preview.lines(), currency.round(total), views, true, created);
    }

    private record Parsed(int number, PlaceOrder.Line line, DomainException problem) {
    }

    /** {@code service_id|link|quantity} per non-blank line. */
    static List<Parsed> parse(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.badRequest("text_required", "text", "Enter one order per line: service_id|link|quantity");
        }
        if (text.length() > MAX_TEXT) {
            throw DomainException.badRequest("too_long", "text", "Use at most " + MAX_TEXT + " characters", MAX_TEXT);
        }
        List<String> lines = text.lines().toList();
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            Long service = parts.length == 3 ? number(parts[0]) : null;
            Long quantity = parts.length == 3 ? number(parts[2]) : null;
            if (service == null || quantity == null) {
                parsed.add(new Parsed(i + 1, null, DomainException.badRequest("invalid_line", "text",
                        "Write the line as service_id|link|quantity")));
            } else {
                parsed.add(new Parsed(i + 1, new PlaceOrder.Line(service, quantity, parts[1].strip(), null), null));
            }
        }
        if (parsed.isEmpty()) {
            throw DomainException.badRequest("text_required", "text", "Enter one order per line: service_id|link|quantity");
        }
        if (parsed.size() > MAX_LINES) {
            throw DomainException.badRequest("too_many_lines", "text", "At most " + MAX_LINES + " lines at once", MAX_LINES);
        }
        return parsed;
    }

    private static Long number(String text) {
        String value = text.strip();
        if (!value.matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(value);
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
