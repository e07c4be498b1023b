package dev.ordino.security;

import dev.ordino.base.ui.SignedInUser;

/** The three roles. Staff run the back office; admins also manage plugins, settings and users. */
public final class Roles {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String STAFF = SignedInUser.STAFF;
    public static final String ADMIN = SignedInUser.ADMIN;

    private Roles() {
    }
}
