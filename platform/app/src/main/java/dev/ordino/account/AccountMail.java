package dev.ordino.account;

/**
 * Sends account mails (password reset, address verification). Implemented by the notifications,
 * which send them through the first enabled e-mail channel; accounts only ask.
 */
public interface AccountMail {

    /** What an account mail is for. */
    enum Kind { PASSWORD_RESET, VERIFY_EMAIL }

    /** Whether a mail could be sent now: an e-mail channel is enabled. */
    boolean available();

    /**
     * Queues the mail in the recipient's language, in the caller's transaction.
     *
     * @param messageId stable for this mail
     * @param link      where the recipient goes (it carries the token)
     * @return false when no e-mail channel is enabled
     */
    boolean send(Kind kind, String messageId, AccountSummary account, String link);
}
