package dev.ordino.ordering;

import dev.ordino.base.DomainException;
import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import dev.ordino.catalog.ProductOptions;
import dev.ordino.ordering.internal.CustomerOrder;
import dev.ordino.ordering.internal.OrderItem;
import dev.ordino.ordering.internal.OrderRepository;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer rates a completed order once (1 to 5 stars and a comment); each offering in it counts
 * the rating towards its average, in the same transaction.
 */
@Service
public class OrderRatings {

    private final OrderRepository orders;
    private final ProductOptions options;
    private final JdbcClient jdbc;
    private final Clock clock;

    OrderRatings(OrderRepository orders, ProductOptions options, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.options = options;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Rating(long orderId, int stars, String comment) {
    }

    /**
     * @throws DomainException {@code invalid_stars} (400), {@code order_not_found} (404),
     *                         {@code not_completed} (409), {@code already_rated} (409)
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Rating rate(long customerId, long orderId, Integer stars, String comment) {
        if (stars == null || stars < 1 || stars > 5) {
            throw DomainException.badRequest("invalid_stars", "stars", "Give 1 to 5 stars", 1, 5);
        }
        String text = Text.optional(comment, 1000);
        // the order's lock makes two ratings sent at once queue here; the second finds the first
        CustomerOrder order = orders.lockById(orderId).filter(o -> o.getCustomerId() == customerId)
                .orElseThrow(() -> DomainException.notFound("order_not_found", "No such order"));
        if (mine(customerId, orderId).isPresent()) {
            throw DomainException.conflict("already_rated", "This order is already rated");
        }
        if (order.getStatus() != OrderStatus.COMPLETED) {
            throw DomainException.conflict("not_completed", "An order can be rated once it is completed");
        }
        jdbc.sql("INSERT INTO order_rating (order_id, customer_id, stars, comment, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(orderId, customerId, stars, text, UtcTime.column(clock.instant())).update();
        options.rate(order.getItems().stream().map(OrderItem::getOfferingId).distinct().toList(), stars);
        return new Rating(orderId, stars, text);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<Rating> mine(long customerId, long orderId) {
        return jdbc.sql("SELECT order_id, stars, comment FROM order_rating WHERE order_id = ? AND customer_id = ?")
                .params(orderId, customerId).query((rs, n) -> new Rating(rs.getLong(1), rs.getInt(2), rs.getString(3))).optional();
    }
}
