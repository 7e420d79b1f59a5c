package io.serviceproof.attestation.web;

import io.serviceproof.attestation.AttestationImports;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.UnprocessableDocumentException;
import io.serviceproof.common.web.Phrases;
import io.serviceproof.dossier.PublicVerification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import form of the engagements page: a body's credential held as files, taken into the
 * recognition layer once proven. A refusal says which check failed and changes nothing.
 */
@Controller
class AttestationImportPageController {

    private final Phrases phrases;

    private final AttestationImports imports;

    AttestationImportPageController(AttestationImports imports, Phrases phrases) {
        this.phrases = phrases;
        this.imports = imports;
    }

    /** A body's credential held as files: the credential, and for a body elsewhere its anchors. */
    @PostMapping("/engagements/import")
    String importCredential(
            @RequestParam(required = false) MultipartFile credential,
            @RequestParam(required = false) MultipartFile didDocument,
            @RequestParam(required = false) MultipartFile statusList,
            @RequestParam(required = false) MultipartFile suspensionList,
            RedirectAttributes redirect) {
        try {
            var recorded = imports.importCredential(new AttestationImports.Upload(
                    text(credential), text(didDocument), text(statusList), text(suspensionList)));
            redirect.addFlashAttribute("notice", "engagement.imported");
            return "redirect:/catalog/recognition#result-" + recorded.id();
        } catch (InvalidInputException | ConflictException e) {
            EngagementPageController.refused(redirect, phrases.problem(e, LocaleContextHolder.getLocale()));
        } catch (UnprocessableDocumentException e) {
            redirect.addFlashAttribute("problem", "engagement.refused");
            redirect.addFlashAttribute(
                    "detail",
                    e.getMessage() + ": "
                            + e.problems().stream()
                                    .map(p -> p.location() + " " + p.message())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse(""));
        }
        return "redirect:/engagements#import";
    }

    private static String text(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > PublicVerification.MAX_CREDENTIAL) {
            throw new InvalidInputException(file.getName(), "too large for a credential or its anchors");
        }
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
