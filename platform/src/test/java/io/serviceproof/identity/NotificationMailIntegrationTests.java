package io.serviceproof.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.TestTenant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** With an SMTP server configured, a notice is also e-mailed — only once its transaction commits. */
@SpringBootTest(properties = "serviceproof.public-url=https://proof.example.com/")
@Import(NotificationMailIntegrationTests.CapturingMail.class)
class NotificationMailIntegrationTests {

    @TestConfiguration
    static class CapturingMail {
        static final List<SimpleMailMessage> SENT = new CopyOnWriteArrayList<>();

        @Bean
        JavaMailSender mailSender() {
            return new JavaMailSenderImpl() {
                @Override
                public void send(SimpleMailMessage... messages) {
                    SENT.addAll(List.of(messages));
                }
            };
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "mail");
        CapturingMail.SENT.clear();
    }

    @Test
    void aCommittedNoticeIsMailedInEnglishAndChineseAndARolledBackOneIsNot() {
        var owner = tenant.user(Role.OWNER);
        Actor system = Actor.system(tenant.organisation().id(), "test");

        Tenancy.runAs(
                system,
                () -> transaction.executeWithoutResult(status -> {
                    notifications.notify(
                            owner.id(),
                            "notification.evidence.expired",
                            List.of("DR test report", "2026-11-01"),
                            "/evidence/x");
                    assertThat(CapturingMail.SENT).as("not before commit").isEmpty();
                }));
        assertThat(CapturingMail.SENT).singleElement().satisfies(mail -> {
            assertThat(mail.getTo()).containsExactly(owner.email());
            assertThat(mail.getText()).contains("DR test report", "2026-11-01", "https://proof.example.com/evidence/x");
            // In both languages, each followed by the link.
            assertThat(mail.getText())
                    .contains(
                            "Evidence \"DR test report\" expired (valid until 2026-11-01); upload a current version."
                                    + "\n\nhttps://proof.example.com/evidence/x",
                            "证据\"DR test report\"已过期（有效期至 2026-11-01），请上传新版本。"
                                    + "\n\nhttps://proof.example.com/evidence/x");
            assertThat(mail.getSubject()).contains("expired", "已过期");
        });

        Tenancy.runAs(
                system,
                () -> transaction.executeWithoutResult(status -> {
                    notifications.notify(
                            owner.id(), "notification.evidence.expired", List.of("Other", "2026-11-02"), null);
                    status.setRollbackOnly();
                }));
        assertThat(CapturingMail.SENT).hasSize(1);
    }
}
