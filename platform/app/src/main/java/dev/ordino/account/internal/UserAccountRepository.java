package dev.ordino.account.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmailIgnoreCase(String email);

    boolean existsByEmailIgnoreCase(String email);

    Page<UserAccount> findByEmailContainingIgnoreCase(String email,
            Pageable pageable);

    Page<UserAccount> findByEmailContainingIgnoreCaseOrDisplayNameContainingIgnoreCase(
            String email, String displayName, Pageable pageable);

    /**
     * Ids of the enabled admins, locking their rows until the transaction ends: two admins demoting
     * each other at once are serialised, so the last one always stays.
     */
    @Query(value = "SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id"
            + " WHERE r.role = 'ADMIN' AND u.enabled = TRUE ORDER BY u.id FOR UPDATE", nativeQuery = true)
    List<Long> lockEnabledAdmins();

    /** What a token or session check needs: the version and whether sign-in is allowed. */
    @Query("select u.securityVersion, u.enabled from UserAccount u where u.id = :id")
    List<Object[]> signInState(long id);
}
