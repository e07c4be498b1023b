package dev.ordino.ordering.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RefundRepository extends JpaRepository<OrderRefund, Long> {

    Optional<OrderRefund> findByOrderIdAndIdempotencyKey(long orderId, String idempotencyKey);

    long countByOrderId(long orderId);
}
