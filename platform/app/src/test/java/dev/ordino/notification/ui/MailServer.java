package dev.ordino.notification.ui;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** A real SMTP server on 127.0.0.1 (GreenMail) on a free port, and the mails it received. */
final class MailServer {

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    MailServer start() {
        smtp.start();
        return this;
    }

    void stop() {
        smtp.stop();
    }

    int port() {
        return smtp.getSmtp().getPort();
    }

    List<MimeMessage> mailsTo(String address) {
        return received(m -> m.getAllRecipients()[0].toString().equals(address));
    }

    List<MimeMessage> withSubject(String subject) {
        return received(m -> subject.equals(m.getSubject()));
    }

    private interface MailTest {
        boolean test(MimeMessage mail) throws MessagingException;
    }

    private List<MimeMessage> received(MailTest test) {
        Predicate<MimeMessage> safe = m -> {
            try {
                return test.test(m);
            } catch (MessagingException e) {
                return false;
            }
        };
        return Arrays.stream(smtp.getReceivedMessages()).filter(safe).toList();
    }
}
