package dev.ordino.account;

/** What a customer types to register. */
public record Registration(String email, String displayName, String password) {
}
