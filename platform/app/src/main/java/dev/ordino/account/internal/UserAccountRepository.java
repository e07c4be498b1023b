package dev.ordino.account.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmailIgnoreCase(String email);

    boolean existsByEmailIgnoreCase(String email);

    org.springframework.data.domain.Page<UserAccount> findByEmailContainingIgnoreCase(String email,
            org.springframework.data.domain.Pageable pageable);

    org.springframework.data.domain.Page<UserAccount> findByEmailContainingIgnoreCaseOrDisplayNameContainingIgnoreCase(
            String email, String displayName, org.springframework.data.domain.Pageable pageable);
}
