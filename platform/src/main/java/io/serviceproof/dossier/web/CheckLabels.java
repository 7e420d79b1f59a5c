package io.serviceproof.dossier.web;

import io.serviceproof.verifier.credential.CredentialVerifier;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * A verifier's checks in the visitor's language: each check's name, and its finding where the
 * verifier named it (revoked, expired, signed by another key…); other details stay as the verifier
 * wrote them.
 */
final class CheckLabels {

    private final MessageSource messages;
    private final Locale locale;

    CheckLabels(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public String name(CredentialVerifier.Check check) {
        String name = check.name();
        String prefix = "";
        if (name.startsWith("credential ") && !name.equals("credential")) {
            prefix = text("verify.name.credential", "credential") + " · ";
            name = name.substring("credential ".length());
        }
        if (name.startsWith("log proof: ")) {
            return prefix + text("verify.name.log-proof", "log proof") + ": " + name.substring("log proof: ".length());
        }
        return prefix + text("verify.name." + name.replace(' ', '-'), name);
    }

    public String detail(CredentialVerifier.Check check) {
        if (check.reason() == null) {
            return check.detail();
        }
        try {
            // Reason texts are MessageFormat patterns (an apostrophe is written ''); Spring formats only
            // when there are arguments, so a reason without any gets one unused placeholder argument.
            Object[] args =
                    check.args().isEmpty() ? new Object[] {""} : check.args().toArray();
            return messages.getMessage("verify.reason." + check.reason(), args, locale);
        } catch (NoSuchMessageException e) {
            return check.detail();
        }
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
