package dev.ordino.base.ui;

/**
 * One more entry in the back-office users page's menu for an account, offered by a module the
 * users page may not depend on (the reseller's price tier and API keys live downstream of the
 * wallet that owns the page). A bean; the page lists every one it finds.
 */
public interface UserAction {

    /** The translation key of the menu entry. */
    String labelKey();

    /** Opens what the entry shows for this account; {@code changed} refreshes the page's row. */
    void open(long userId, String email, String actor, Runnable changed);
}
