package dev.ordino.ordering;

import dev.ordino.account.AccountService;
import dev.ordino.base.DomainException;
import dev.ordino.base.Text;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.ordering.internal.CustomerOrder;
import dev.ordino.ordering.internal.OrderBook;
import dev.ordino.ordering.internal.OrderItem;
import dev.ordino.ordering.internal.OrderRefund;
import dev.ordino.ordering.internal.OrderRepository;
import dev.ordino.ordering.internal.RefundRepository;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.ApplicationEventPublisher;
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

/** Staff's side of orders: search, status changes, refunds, marking paid, CSV export. */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
public class OrderAdminService {

    private final OrderRepository orders;
    private final RefundRepository refunds;
    private final OrderBook book;
    private final AccountService accounts;
    private final StoreCurrency currency;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Handovers handovers;

    OrderAdminService(OrderRepository orders, RefundRepository refunds, OrderBook book,
                      AccountService accounts, StoreCurrency currency, ApplicationEventPublisher events, Clock clock,
                      PlatformTransactionManager transactions, Handovers handovers) {
        this.handovers = handovers;
        this.orders = orders;
        this.refunds = refunds;
        this.book = book;
        this.accounts = accounts;
        this.currency = currency;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Orders matching the filter, a page at a time (never all at once). */
    @Transactional(readOnly = true)
    public Page<OrderView> search(OrderFilter filter, Pageable pageable) {
        Specification<CustomerOrder> spec = specification(filter);
        if (spec == null) {
            return Page.empty(pageable);
        }
        Pageable sorted = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "id"));
        Page<CustomerOrder> page = orders.findAll(spec, sorted);
        Map<Long, String> emails = accounts.emails(page.getContent().stream().map(CustomerOrder::getCustomerId).collect(Collectors.toSet()));
        return page.map(o -> book.view(o, emails.get(o.getCustomerId())));
    }

    @Transactional(readOnly = true)
    public long count(OrderFilter filter) {
        Specification<CustomerOrder> spec = specification(filter);
        return spec == null ? 0 : orders.count(spec);
    }

    /** Orders and takings (paid minus refunded) since an instant, for the dashboard. */
    public record Takings(long orders, BigDecimal amount) {
    }

    @Transactional(readOnly = true)
    public Takings takingsSince(Instant since) {
        Object[] row = orders.takingsSince(since);
        Object[] values = row.length == 1 && row[0] instanceof Object[] nested ? nested : row;
        return new Takings(((Number) values[0]).longValue(), currency.round(new BigDecimal(values[1].toString())));
    }

    @Transactional(readOnly = true)
    public OrderView order(long orderId) {
        CustomerOrder order = find(orderId);
        return book.view(order, accounts.emails(List.of(order.getCustomerId())).get(order.getCustomerId()));
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long orderId) {
        find(orderId);
        return book.timeline(orderId);
    }

    /**
     * Moves an order to another status. Cancelling or rejecting refunds what is left of the
     * payment to the wallet. Confirming or rejecting an order with products is its acceptance or
     * rejection ({@link Handovers}), booking code and all.
     *
     * @throws DomainException {@code illegal_transition} (409)
     */
    public OrderView changeStatus(long orderId, OrderStatus to, String reason, String actor) {
        String why = Text.optional(reason, 1000);
        if ((to == OrderStatus.CONFIRMED || to == OrderStatus.REJECTED) && handovers.handles(orderId)) {
            return to == OrderStatus.CONFIRMED ? handovers.accept(orderId, actor) : handovers.reject(orderId, why, actor);
        }
        return transaction.execute(status -> {
            CustomerOrder order = lock(orderId);
            book.transition(order, to, why, actor);
            return book.view(order, null);
        });
    }

    /** The same change for many orders; each succeeds or fails on its own. Answers the refusals by order id. */
    public Map<Long, DomainException> changeStatus(List<Long> orderIds, OrderStatus to, String reason, String actor) {
        Map<Long, DomainException> failures = new LinkedHashMap<>();
        for (Long id : orderIds) {
            try {
                changeStatus(id, to, reason, actor);
            } catch (DomainException e) {
                failures.put(id, e);
            }
        }
        return failures;
    }

    /** Records that an order awaiting payment was paid outside Ordino (cash, transfer). */
    public OrderView markPaid(long orderId, String actor) {
        return transaction.execute(status -> {
            CustomerOrder order = lock(orderId);
            if (order.getPaymentStatus() != PaymentStatus.PENDING && order.getPaymentStatus() != PaymentStatus.FAILED) {
                throw DomainException.conflict("already_paid", "This order's payment is already " + order.getPaymentStatus().key());
            }
            if (order.getStatus().isRefunding()) {
                throw DomainException.conflict("illegal_transition", "A " + order.getStatus().key() + " order cannot be paid");
            }
            order.setPaymentStatus(PaymentStatus.PAID);
            order.setPaidAmount(order.getTotal());
            order.setPaidAt(clock.instant());
            order.setUpdatedAt(clock.instant());
            book.record(order, order.getStatus(), order.getStatus(), "Marked as paid", actor);
            events.publishEvent(new OrderPaid(order.getId(), order.getCustomerId(), order.getTotal(), "manual"));
            return book.view(order, null);
        });
    }

    /** A refund booked, or found booked before under the same idempotency key. */
    public record RefundResult(OrderView order, BigDecimal amount, int sequence, boolean created) {
    }

    /**
     * Refunds part or all of what was paid to the customer's wallet. Without an amount, all that
     * is left. The same idempotency key books once.
     *
     * @throws DomainException {@code refund_exceeds_paid} (409), {@code invalid_amount} (400)
     */
    public RefundResult refund(long orderId, BigDecimal amount, String reason, String actor, String idempotencyKey) {
        BigDecimal exact = amount == null ? null : currency.parse(amount, "amount");
        String key = Text.optional(idempotencyKey, 100);
        return transaction.execute(status -> {
            CustomerOrder order = lock(orderId);
            if (key != null) {
                var earlier = refunds.findByOrderIdAndIdempotencyKey(orderId, key);
                if (earlier.isPresent()) {
                    return new RefundResult(book.view(order, null), earlier.get().getAmount(), earlier.get().getSeq(), false);
                }
            }
            BigDecimal left = order.getPaidAmount().subtract(order.getRefundedAmount());
            BigDecimal value = exact == null ? left : exact;
            if (exact == null && left.signum() == 0) {
                throw DomainException.conflict("refund_exceeds_paid", "Nothing is left to refund", currency.display(left));
            }
            OrderRefund refund = book.refund(order, value, Text.optional(reason, 500), actor, key);
            return new RefundResult(book.view(order, null), refund.getAmount(), refund.getSeq(), true);
        });
    }

    /** Writes the orders matching the filter as CSV, streaming page by page. */
    @Transactional(readOnly = true)
    public long exportCsv(OrderFilter filter, Writer out) throws IOException {
        long rows = 0;
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("id", "number", "created_at",
                "customer", "status", "payment_status", "total", "refunded", "currency", "items").get())) {
            Pageable page = PageRequest.of(0, 500, Sort.by(Sort.Direction.DESC, "id"));
            while (true) {
                Page<OrderView> chunk = search(filter, page);
                for (OrderView o : chunk) {
                    csv.printRecord(o.id(), o.number(), o.createdAt().atOffset(ZoneOffset.UTC), safe(o.customerEmail()),
                            o.status().key(), o.paymentStatus().key(), currency.format(o.total()),
                            currency.format(o.refundedAmount()), o.currency(),
                            safe(o.items().stream().map(i -> i.quantity() + " x " + i.name()).collect(Collectors.joining("; "))));
                    rows++;
                }
                if (!chunk.hasNext()) {
                    return rows;
                }
                page = chunk.nextPageable();
            }
        }
    }

    /** Spreadsheets run cells starting with = + - @ as formulas; a leading quote keeps them text. */
    private static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    private Specification<CustomerOrder> specification(OrderFilter filter) {
        List<Long> customerIds = null;
        if (filter.customer() != null && !filter.customer().isBlank()) {
            customerIds = accounts.idsMatching(filter.customer());
            if (customerIds.isEmpty()) {
                return null;
            }
        }
        List<Long> customers = customerIds;
        String text = filter.text() == null || filter.text().isBlank() ? null : filter.text().strip();
        List<Long> textCustomers = text == null ? List.of() : accounts.idsMatching(text);
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (text != null) {
                where.add(textMatch(text, textCustomers, root, query, cb));
            }
            Set<OrderStatus> statuses = filter.statuses();
            if (statuses != null && !statuses.isEmpty()) {
                where.add(root.get("status").in(statuses));
            }
            if (filter.paymentStatus() != null) {
                where.add(cb.equal(root.get("paymentStatus"), filter.paymentStatus()));
            }
            if (customers != null) {
                where.add(root.get("customerId").in(customers));
            }
            if (filter.offeringId() != null) {
                var sub = query.subquery(Long.class);
                var item = sub.from(OrderItem.class);
                sub.select(item.get("id")).where(cb.equal(item.get("order"), root), cb.equal(item.get("offeringId"), filter.offeringId()));
                where.add(cb.exists(sub));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), filter.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("createdAt"), filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The order's number or id, one of its items' links, or its customer (id or e-mail). */
    private static Predicate textMatch(String text, List<Long> customers, Root<CustomerOrder> root,
                                       CriteriaQuery<?> query,
                                       CriteriaBuilder cb) {
        String like = "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var sub = query.subquery(Long.class);
        var item = sub.from(OrderItem.class);
        sub.select(item.get("id")).where(cb.equal(item.get("order"), root), cb.like(cb.lower(item.get("link")), like));
        List<Predicate> any = new ArrayList<>(List.of(cb.like(cb.lower(root.get("number")), like), cb.exists(sub)));
        String digits = text.startsWith("#") ? text.substring(1) : text;
        if (digits.matches("\\d{1,18}")) {
            any.add(cb.equal(root.get("id"), Long.parseLong(digits)));
        }
        if (!customers.isEmpty()) {
            any.add(root.get("customerId").in(customers));
        }
        return cb.or(any.toArray(Predicate[]::new));
    }

    private CustomerOrder find(long orderId) {
        return orders.findById(orderId).orElseThrow(() -> DomainException.notFound("order_not_found", "No such order"));
    }

    private CustomerOrder lock(long orderId) {
        return orders.lockById(orderId).orElseThrow(() -> DomainException.notFound("order_not_found", "No such order"));
    }

}
