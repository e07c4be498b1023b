package dev.ordino.security;

/** The three roles. Staff run the back office; admins also manage plugins, settings and users. */
public final class Roles {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String STAFF = "STAFF";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
