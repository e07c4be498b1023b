package dev.ordino.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in user, with the account id so views and services need no lookup by e-mail. */
public class OrdinoUser extends User {

    private final long id;
    private final String displayName;
    private final long securityVersion;

    /** A user signed in from the account table, at the account's current security version. */
    public OrdinoUser(long id, String email, String displayName, String passwordHash, boolean enabled,
                      Collection<? extends GrantedAuthority> authorities, long securityVersion) {
        super(email, passwordHash, enabled, true, true, true, authorities);
        this.id = id;
        this.displayName = displayName;
        this.securityVersion = securityVersion;
    }

    /** A user for code that runs as someone without a browser session (jobs, tests). */
    public OrdinoUser(long id, String email, String displayName, String passwordHash, boolean enabled,
                      Collection<? extends GrantedAuthority> authorities) {
        this(id, email, displayName, passwordHash, enabled, authorities, 0);
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The account's security version when this user signed in; see {@link SignInVersions}. */
    public long securityVersion() {
        return securityVersion;
    }
}
