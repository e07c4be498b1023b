package dev.ordino.account.internal;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import dev.ordino.security.OrdinoUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs users in by e-mail (case-insensitive); a disabled account cannot sign in. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    AccountUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        UserAccount account = users.findByEmailIgnoreCase(email == null ? "" : email.trim())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return new OrdinoUser(account.getId(), account.getEmail(), account.getDisplayName(), account.getPasswordHash(),
                account.isEnabled(),
                account.getRoles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList(),
                account.getSecurityVersion());
    }
}
