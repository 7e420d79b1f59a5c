package io.serviceproof.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.verifier.credential.CredentialVerifier;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A finding without arguments reads as written: its escaped apostrophes are not shown doubled. */
class CheckLabelsTests {

    private static CheckLabels labels(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new CheckLabels(messages, locale);
    }

    @Test
    void aReasonWithoutArgumentsHasSingleApostrophes() {
        CredentialVerifier.Check check = CredentialVerifier.Check.because(
                "issuance",
                CredentialVerifier.Outcome.FAILED,
                "issuance-missing",
                "the manifest names no issuance entry");
        assertThat(labels(Locale.ENGLISH).detail(check))
                .contains("credential's issuance")
                .doesNotContain("''");
    }
}
