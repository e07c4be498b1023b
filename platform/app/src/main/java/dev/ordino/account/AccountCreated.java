package dev.ordino.account;

/** An account was created (registration, configured admin, demo data). Published inside the creating transaction. */
public record AccountCreated(long accountId, String email) {
}
