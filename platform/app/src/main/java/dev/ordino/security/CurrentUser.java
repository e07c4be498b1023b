package dev.ordino.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.ordino.base.ui.SignedInUser;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** Who is signed in, for views. Services check roles themselves with method security. */
@Component
public class CurrentUser implements SignedInUser {

    private final AuthenticationContext authentication;

    CurrentUser(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public Optional<String> email() {
        return authentication.getAuthenticatedUser(UserDetails.class).map(UserDetails::getUsername);
    }

    /** The signed-in account's id. */
    public Optional<Long> id() {
        return authentication.getAuthenticatedUser(OrdinoUser.class).map(OrdinoUser::id);
    }

    /** The signed-in account's id, for views that only signed-in users can open. */
    public long requireId() {
        return id().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    public boolean hasRole(String role) {
        return authentication.getAuthenticatedUser(UserDetails.class)
                .map(user -> user.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(("ROLE_" + role)::equals))
                .orElse(false);
    }

    @Override
    public boolean isStaff() {
        return hasRole(Roles.STAFF) || hasRole(Roles.ADMIN);
    }

    @Override
    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    @Override
    public void logout() {
        authentication.logout();
    }
}
