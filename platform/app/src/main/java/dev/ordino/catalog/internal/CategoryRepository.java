package dev.ordino.catalog.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CategoryRepository extends JpaRepository<Category, Long> {

    Optional<Category> findBySlug(String slug);

    boolean existsBySlugAndIdNot(String slug, Long id);

    boolean existsBySlug(String slug);

    List<Category> findAllByOrderBySortOrderAscNameAsc();

    /** [categoryId, active offering count] */
    @Query("select o.category.id, count(o) from Offering o where o.active = true group by o.category.id")
    List<Object[]> countActiveOfferings();

    /** [categoryId, kind, active offering count] */
    @Query("select o.category.id, o.kind, count(o) from Offering o where o.active = true group by o.category.id, o.kind")
    List<Object[]> countActiveOfferingsByKind();
}
