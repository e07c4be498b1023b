package dev.ordino.catalog.internal;

import dev.ordino.catalog.OfferingKind;
import java.util.List;
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

    /** Every active offering of a kind in an active category, with its category, in catalog order: one query. */
    @Query("select o from Offering o join fetch o.category c where o.kind = :kind and o.active = true and c.active = true "
            + "order by c.sortOrder, c.name, o.name, o.id")
    List<Offering> findActiveWithCategory(@Param("kind") OfferingKind kind);
}
