package dev.ordino.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in user, with the account id so views and services need no lookup by e-mail. */
public class OrdinoUser extends User {

    private final long id;
    private final String displayName;

    public OrdinoUser(long id, String email, String displayName, String passwordHash, boolean enabled,
                      Collection<? extends GrantedAuthority> authorities) {
        super(email, passwordHash, enabled, true, true, true, authorities);
        this.id = id;
        this.displayName = displayName;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }
}
