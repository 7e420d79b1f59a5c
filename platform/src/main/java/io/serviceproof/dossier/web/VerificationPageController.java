package io.serviceproof.dossier.web;

import io.serviceproof.dossier.PublicVerification;
import java.io.IOException;
import java.io.InputStream;
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
    private final org.springframework.context.MessageSource messages;

    VerificationPageController(PublicVerification verification, org.springframework.context.MessageSource messages) {
        this.verification = verification;
        this.messages = messages;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("labels")
    CheckLabels labels(java.util.Locale locale) {
        return new CheckLabels(messages, locale);
    }

    /** The form; with {@code credential=<organisation>/<id>} (the QR code of a report), that credential checked. */
    @GetMapping("/verify")
    String form(@RequestParam(required = false) String credential, Model model) {
        if (credential != null && !credential.isBlank()) {
            try {
                model.addAttribute("filename", credential);
                model.addAttribute("outcome", verification.verifyIssued(credential.strip()));
            } catch (io.serviceproof.common.NotFoundException | io.serviceproof.common.InvalidInputException e) {
                model.addAttribute("problem", "verify.error.unknown");
            }
        }
        return "dossier/verify";
    }

    @PostMapping("/verify")
    String verify(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "verify.error.empty");
            return "dossier/verify";
        }
        if (file.getSize() > PublicVerification.MAX_UPLOAD) {
            model.addAttribute("problem", "verify.error.large");
            return "dossier/verify";
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes(PublicVerification.MAX_UPLOAD + 1);
        }
        if (bytes.length > PublicVerification.MAX_UPLOAD) {
            model.addAttribute("problem", "verify.error.large");
            return "dossier/verify";
        }
        model.addAttribute("filename", file.getOriginalFilename());
        model.addAttribute("outcome", verification.verify(bytes));
        return "dossier/verify";
    }
}
