package dev.ordino.ordering;

import dev.ordino.base.DomainException;
import dev.ordino.base.Text;
import dev.ordino.base.alerts.AdminAlerts;
import dev.ordino.base.config.OrdinoProperties;
import dev.ordino.base.ui.QrCodes;
import dev.ordino.catalog.FulfilmentMethod;
import dev.ordino.ordering.internal.CustomerOrder;
import dev.ordino.ordering.internal.HandoverWriter;
import dev.ordino.ordering.internal.OrderBook;
import dev.ordino.ordering.internal.OrderRepository;
import dev.ordino.store.HandoverSettingsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders with products from acceptance to the customer's hands: staff accept (the order is
 * {@code confirmed} and gets its booking code) or reject (refunded, stock back); a pickup becomes
 * ready and is handed over against its booking code, a delivery is sent and delivered; either
 * end completes the order. Each step locks the order first and moves the hand-over row only from
 * the state it expects, so a double click does it once and the second answers 409.
 */
@Service
public class Handovers {

    static final String ALERT_PREFIX = "pickup-uncollected:";

    private final OrderRepository orders;
    private final OrderBook book;
    private final HandoverWriter writer;
    private final HandoverSettingsService settings;
    private final AdminAlerts alerts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String publicUrl;

    Handovers(OrderRepository orders, OrderBook book, HandoverWriter writer, HandoverSettingsService settings,
              AdminAlerts alerts, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
              OrdinoProperties properties) {
        this.orders = orders;
        this.book = book;
        this.writer = writer;
        this.settings = settings;
        this.alerts = alerts;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.publicUrl = properties.publicUrl();
    }

    /** The customer's own order's pickup or delivery; empty for an order without products. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<HandoverView> mine(long customerId, long orderId) {
        if (!orders.existsByIdAndCustomerId(orderId, customerId)) {
            throw DomainException.notFound("order_not_found", "No such order");
        }
        return writer.find(orderId);
    }

    /**
     * The QR code of the customer's booking code, as a PNG: it opens the hand-over page for that
     * code on a staff member's phone.
     *
     * @throws DomainException {@code order_not_found} (404), {@code no_booking_code} (404) before acceptance
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public byte[] qrCode(long customerId, long orderId, int size) {
        String code = mine(customerId, orderId).map(HandoverView::bookingCode)
                .orElseThrow(() -> DomainException.notFound("no_booking_code", "This order has no booking code yet"));
        return QrCodes.png(handoverUrl(code), size);
    }

    /** What the QR code holds: the staff hand-over page for the code. */
    public String handoverUrl(String code) {
        return publicUrl + "/admin/handover/" + code;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public Optional<HandoverView> of(long orderId) {
        return writer.find(orderId);
    }

    /** The order a booking code belongs to, for staff to check before handing it over. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public Optional<OrderView> orderWithCode(String typedCode) {
        return Optional.ofNullable(BookingCodes.normalize(typedCode)).flatMap(writer::orderWithCode).flatMap(orders::findById)
                .map(order -> book.view(order, null));
    }

    /** Whether the order has a pickup or delivery (then staff confirm and reject it through {@link #accept} and {@link #reject}). */
    @Transactional(readOnly = true)
    public boolean handles(long orderId) {
        return writer.find(orderId).isPresent();
    }

    /**
     * Staff accept a paid order: {@code confirmed}, with a booking code for a pickup.
     *
     * @throws DomainException {@code illegal_transition} (409) when it is no longer pending, {@code not_paid} (409)
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public OrderView accept(long orderId, String actor) {
        return transaction.execute(status -> {
            CustomerOrder order = lock(orderId);
            HandoverView handover = handover(orderId);
            if (order.getStatus() == OrderStatus.PENDING && order.getPaymentStatus() != PaymentStatus.PAID) {
                throw DomainException.conflict("not_paid", "This order is not paid yet");
            }
            book.transition(order, OrderStatus.CONFIRMED, "Accepted", actor);
            if (handover.method() == FulfilmentMethod.PICKUP) {
                String code = BookingCodes.next();
                while (writer.codeTaken(code)) {
                    code = BookingCodes.next();
                }
                writer.issueCode(orderId, code, clock.instant());
            }
            return book.view(order, null);
        });
    }

    /**
     * Staff reject an order: {@code rejected}, what was paid back to the wallet, stock back.
     *
     * @throws DomainException {@code illegal_transition} (409) when it is no longer pending
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public OrderView reject(long orderId, String reason, String actor) {
        String why = Text.optional(reason, 1000);
        return transaction.execute(status -> {
            CustomerOrder order = lock(orderId);
            handover(orderId);
            book.transition(order, OrderStatus.REJECTED, why == null ? "Rejected" : why, actor);
            return book.view(order, null);
        });
    }

    /** A pickup is ready to collect; the customer is told. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public OrderView ready(long orderId, String actor) {
        return step(orderId, HandoverStatus.AWAITING, HandoverStatus.READY, "Ready for pickup", actor);
    }

    /** A delivery left the store. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public OrderView sent(long orderId, String actor) {
        return step(orderId, HandoverStatus.AWAITING, HandoverStatus.SENT, "Sent for delivery", actor);
    }

    /** A delivery arrived: the order is completed. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public OrderView delivered(long orderId, String actor) {
        return step(orderId, HandoverStatus.SENT, HandoverStatus.DELIVERED, "Delivered", actor);
    }

    /**
     * The customer collects a ready pickup against its booking code (typed or scanned): the order
     * is completed and the code is spent.
     *
     * @throws DomainException {@code booking_code_not_found} (404), {@code not_ready} (409),
     *                         {@code already_handed_over} (409)
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public OrderView handOver(String typedCode, String actor) {
        String code = BookingCodes.normalize(typedCode);
        long orderId = Optional.ofNullable(code).flatMap(writer::orderWithCode)
                .orElseThrow(() -> DomainException.notFound("booking_code_not_found", "No order has this booking code"));
        return step(orderId, HandoverStatus.READY, HandoverStatus.HANDED_OVER, "Handed over against the booking code", actor);
    }

    private OrderView step(long orderId, HandoverStatus from, HandoverStatus to, String note, String actor) {
        return transaction.execute(status -> {
            CustomerOrder order = lock(orderId);
            HandoverView handover = handover(orderId);
            if (!to.belongsTo(handover.method())) {
                throw DomainException.conflict("wrong_fulfilment", "This order is a " + handover.method().key(), handover.method().key());
            }
            if (order.getStatus() != OrderStatus.CONFIRMED || !writer.move(orderId, from, to, clock.instant())) {
                throw refusal(order, handover, to);
            }
            if (to.completesOrder()) {
                book.transition(order, OrderStatus.COMPLETED, note, actor);
                alerts.resolve(ALERT_PREFIX + orderId);
            } else {
                book.record(order, order.getStatus(), order.getStatus(), note, actor);
                events.publishEvent(new HandoverMoved(orderId, order.getCustomerId(), from, to, actor));
            }
            return book.view(order, null);
        });
    }

    private static DomainException refusal(CustomerOrder order, HandoverView handover, HandoverStatus to) {
        if (to == HandoverStatus.HANDED_OVER && handover.status() == HandoverStatus.HANDED_OVER) {
            return DomainException.conflict("already_handed_over", "This order was already handed over");
        }
        if (to == HandoverStatus.HANDED_OVER) {
            return DomainException.conflict("not_ready", "This order is not ready for pickup", order.getStatus().key());
        }
        return DomainException.conflict("illegal_transition", "A " + handover.method().key() + " that is "
                + handover.status().key() + " cannot become " + to.key(), handover.status().key(), to.key());
    }

    /**
     * Reminds staff (an alert in the back office) of every pickup ready for longer than the
     * store's setting and not collected; each once. Answers how many.
     */
    public int remindUncollected() {
        Instant now = clock.instant();
        Instant before = now.minus(Duration.ofDays(settings.current().remindAfterDays()));
        int reminded = 0;
        for (Long orderId : writer.uncollected(before, 500)) {
            String number = orders.findById(orderId).map(CustomerOrder::getNumber).orElse("#" + orderId);
            alerts.raise(ALERT_PREFIX + orderId, "Order " + number + " is ready for pickup since more than "
                    + settings.current().remindAfterDays() + " days and was not collected");
            writer.reminded(orderId, now);
            reminded++;
        }
        return reminded;
    }

    private CustomerOrder lock(long orderId) {
        return orders.lockById(orderId).orElseThrow(() -> DomainException.notFound("order_not_found", "No such order"));
    }

    private HandoverView handover(long orderId) {
        return writer.find(orderId).orElseThrow(() -> DomainException.conflict("no_fulfilment",
                "This order has no products to pick up or deliver"));
    }
}
