package dev.ordino.ordering.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrderRepository extends JpaRepository<CustomerOrder, Long>, JpaSpecificationExecutor<CustomerOrder> {

    Optional<CustomerOrder> findByCustomerIdAndIdempotencyKey(long customerId, String idempotencyKey);

    Page<CustomerOrder> findByCustomerIdOrderByIdDesc(long customerId, Pageable pageable);

    Optional<CustomerOrder> findByIdAndCustomerId(long id, long customerId);

    boolean existsByIdAndCustomerId(long id, long customerId);

    /** Some of a customer's orders with their items, in one query (the panel API asks for up to 100 at once). */
    @Query("select distinct o from CustomerOrder o left join fetch o.items where o.customerId = :customerId and o.id in :ids")
    List<CustomerOrder> findMineWithItems(@Param("customerId") long customerId, @Param("ids") Collection<Long> ids);

    /** [orders, takings (paid minus refunded)] placed since the given instant. */
    @Query("select count(o), coalesce(sum(o.paidAmount - o.refundedAmount), 0) from CustomerOrder o where o.createdAt >= :since")
    Object[] takingsSince(@Param("since") Instant since);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from CustomerOrder o where o.id = :id")
    Optional<CustomerOrder> lockById(@Param("id") long id);
}
