package dev.ordino.notification;

import dev.ordino.account.AccountMail;
import dev.ordino.account.AccountSummary;
import dev.ordino.plugin.api.NotificationChannel.RecipientKind;
import org.springframework.stereotype.Component;

/** Account mails go through the outbox like every notification, by the first enabled e-mail channel. */
@Component
class AccountMails implements AccountMail {

    private final ChannelInstances channels;
    private final Deliveries deliveries;
    private final NotificationTexts texts;

    AccountMails(ChannelInstances channels, Deliveries deliveries, NotificationTexts texts) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.texts = texts;
    }

    @Override
    public boolean available() {
        return channels.firstEnabled(RecipientKind.EMAIL).isPresent();
    }

    @Override
    public boolean send(Kind kind, String messageId, AccountSummary account, String link) {
        NotificationTexts.Rendered mail = texts.account(kind.name().toLowerCase(java.util.Locale.ROOT), texts.language(account.locale()),
                link);
        return deliveries.recordAccountMail(messageId, account.id(), account.email(), mail.locale(), mail.subject(), mail.text(),
                mail.html());
    }
}
