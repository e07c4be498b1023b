package dev.ordino.ordering.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface CartItemRepository extends JpaRepository<CartItem, Long> {

    List<CartItem> findByCustomerIdOrderByIdAsc(long customerId);

    long countByCustomerId(long customerId);

    @Modifying
    @Transactional
    @Query("delete from CartItem c where c.customerId = :customerId and c.id in :ids")
    int deleteOwned(@Param("customerId") long customerId, @Param("ids") Collection<Long> ids);
}
