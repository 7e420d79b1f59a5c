package io.serviceproof.identity;

import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import io.serviceproof.identity.users.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells a user about something that needs them: in the app always, by e-mail too when an SMTP
 * server is configured ({@code spring.mail.host}). The e-mail goes out only after the transaction
 * that raised the notice commits, and a mail failure never undoes the work.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final NotificationRows rows;
    private final UserAccounts users;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final Clock clock;
    private final String publicUrl;

    Notifications(
            NotificationRows rows,
            UserAccounts users,
            ObjectProvider<JavaMailSender> mail,
            MessageSource messages,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value(
                            "${serviceproof.public-url:http://${serviceproof.public-host:localhost:8080}}")
                    String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.rows = rows;
        this.users = users;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
    }

    /** Notifies a user of the acting organisation; {@code messageKey} must exist in both bundles. */
    @Transactional
    public Notification notify(UserId user, String messageKey, List<String> arguments, String link) {
        UserAccount account = users.get(user);
        Notification notification = new Notification(
                UUID.randomUUID().toString(), messageKey, List.copyOf(arguments), link, clock.instant(), null);
        rows.insert(user.toString(), notification);
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null && account.active()) {
            afterCommit(() -> send(sender, account, notification));
        }
        return notification;
    }

    /** The acting user's latest notices, newest first. */
    public List<Notification> mine(int limit) {
        return rows.forUser(Tenancy.actor().id(), limit);
    }

    public long unreadCount() {
        return rows.unread(Tenancy.actor().id());
    }

    @Transactional
    public void markAllRead() {
        rows.markRead(Tenancy.actor().id(), clock.instant());
    }

    private void send(JavaMailSender sender, UserAccount account, Notification notification) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(account.email());
        // In both of the product's languages: an account has no language of its own, and the team
        // that reads an exporter's notices often reads both.
        Object[] args = notification.arguments().toArray();
        String english = messages.getMessage(notification.messageKey(), args, Locale.ENGLISH);
        String chinese = messages.getMessage(notification.messageKey(), args, Locale.SIMPLIFIED_CHINESE);
        String link = notification.link() == null ? "" : "\n\n" + publicUrl + notification.link();
        message.setSubject("ServiceProof: " + english + " | " + chinese);
        message.setText(english + link + "\n\n" + chinese + link);
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn(
                    "Could not e-mail notification {} to user {}: {}", notification.id(), account.id(), e.getMessage());
        }
    }

    private static void afterCommit(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }
}
