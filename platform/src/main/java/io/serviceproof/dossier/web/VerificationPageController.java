package io.serviceproof.dossier.web;

import io.serviceproof.dossier.PublicVerification;
import io.serviceproof.dossier.VerificationSlots;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public verification page: anyone, without an account, uploads a credential or a dossier and
 * sees whether it is valid and, check by check, why.
 */
@Controller
class VerificationPageController {

    private final PublicVerification verification;
    private final VerificationSlots slots;
    private final org.springframework.context.MessageSource messages;
    private final io.serviceproof.dossier.IssuerIdentity identity;
    private final org.springframework.beans.factory.ObjectProvider<io.serviceproof.dossier.AttestationChains> chains;

    VerificationPageController(
            PublicVerification verification,
            VerificationSlots slots,
            org.springframework.context.MessageSource messages,
            io.serviceproof.dossier.IssuerIdentity identity,
            org.springframework.beans.factory.ObjectProvider<io.serviceproof.dossier.AttestationChains> chains) {
        this.verification = verification;
        this.slots = slots;
        this.messages = messages;
        this.identity = identity;
        this.chains = chains;
    }

    /** The outcome, and for a third party's credential hosted here, the chain behind it. */
    private void show(Model model, PublicVerification.Outcome outcome) {
        model.addAttribute("outcome", outcome);
        var claim = outcome.report().claim();
        var slug = outcome.issuerSlug(identity);
        io.serviceproof.dossier.AttestationChains explainer = chains.getIfAvailable();
        if (explainer != null && claim.isPresent() && claim.get().thirdParty().isPresent() && slug.isPresent()) {
            explainer.chain(slug.get(), claim.get()).ifPresent(chain -> model.addAttribute("chain", chain));
        }
    }

    /**
     * Switching language keeps the credential on screen: the switches of a page opened on one
     * credential (the QR code's address) carry it along.
     */
    @org.springframework.web.bind.annotation.ModelAttribute("languageQuery")
    String languageQuery(@RequestParam(required = false) String credential) {
        return credential == null || credential.isBlank()
                ? null
                : "?credential="
                        + java.net.URLEncoder.encode(credential.strip(), java.nio.charset.StandardCharsets.UTF_8) + "&";
    }

    /** The verification page offers the buyers' languages too (the layout shows their switches). */
    @org.springframework.web.bind.annotation.ModelAttribute("buyerLanguages")
    boolean buyerLanguages() {
        return true;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("labels")
    CheckLabels labels(java.util.Locale locale) {
        return new CheckLabels(messages, locale);
    }

    /** The form; with {@code credential=<organisation>/<id>} (the QR code of a report), that credential checked. */
    @GetMapping("/verify")
    String form(@RequestParam(required = false) String credential, Model model, HttpServletResponse response) {
        if (credential != null && !credential.isBlank()) {
            try {
                model.addAttribute("filename", credential);
                Optional<PublicVerification.Outcome> outcome =
                        slots.tryRun(() -> verification.verifyIssued(credential.strip()));
                if (outcome.isEmpty()) {
                    return busy(model, response);
                }
                show(model, outcome.get());
            } catch (io.serviceproof.common.NotFoundException | io.serviceproof.common.InvalidInputException e) {
                model.addAttribute("problem", "verify.error.unknown");
            }
        }
        return "dossier/verify";
    }

    private static String busy(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(VerificationSlots.RETRY_AFTER_SECONDS));
        model.addAttribute("problem", "verify.error.busy");
        return "dossier/verify";
    }

    @PostMapping("/verify")
    String verify(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "verify.error.empty");
            return "dossier/verify";
        }
        if (file.getSize() > PublicVerification.MAX_UPLOAD) {
            model.addAttribute("problem", "verify.error.large");
            return "dossier/verify";
        }
        // The slot is taken before the upload is read into memory: memory is bounded by the slots.
        Optional<Object> result =
                slots.tryRun(() -> read(file).<Object>map(verification::verify).orElse("verify.error.large"));
        if (result.isEmpty()) {
            return busy(model, response);
        }
        if (result.get() instanceof String problem) {
            model.addAttribute("problem", problem);
        } else {
            model.addAttribute("filename", file.getOriginalFilename());
            show(model, (PublicVerification.Outcome) result.get());
        }
        return "dossier/verify";
    }

    /** The upload's bytes, or empty when it is over the limit after all. */
    private static Optional<byte[]> read(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            byte[] bytes = in.readNBytes(PublicVerification.MAX_UPLOAD + 1);
            return bytes.length > PublicVerification.MAX_UPLOAD ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
