package dev.ordino.ordering.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TimelineRepository extends JpaRepository<OrderTimeline, Long> {

    List<OrderTimeline> findByOrderIdOrderByIdAsc(long orderId);
}
