package dev.ordino.base.ui;

import java.util.Optional;

/**
 * Who the frame is drawn for, provided by the security feature (as {@link StoreBranding} is by
 * the store), so the shared kernel depends on no feature.
 */
public interface SignedInUser {

    /** The back office's role names, named here so the frame can guard itself; security's {@code Roles} uses them. */
    String STAFF = "STAFF";
    String ADMIN = "ADMIN";

    /** The signed-in account's email; empty for a visitor. */
    Optional<String> email();

    boolean isStaff();

    boolean isAdmin();

    void logout();
}
