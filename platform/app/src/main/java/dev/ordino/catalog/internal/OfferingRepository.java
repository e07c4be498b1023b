package dev.ordino.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OfferingRepository extends JpaRepository<Offering, Long>, JpaSpecificationExecutor<Offering> {

    /** Takes units off a product's stock only if enough are left; answers 1 when it did. */
    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update Offering o set o.stock = o.stock - :quantity where o.id = :id and o.stock is not null and o.stock >= :quantity")
    int takeStock(@Param("id") long id, @Param("quantity") int quantity);

    @Modifying(flushAutomatically = true)
    @Query("update Offering o set o.stock = o.stock + :quantity where o.id = :id and o.stock is not null")
    int returnStock(@Param("id") long id, @Param("quantity") int quantity);
}
