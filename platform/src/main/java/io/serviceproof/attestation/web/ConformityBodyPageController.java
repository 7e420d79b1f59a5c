package io.serviceproof.attestation.web;

import io.serviceproof.attestation.BodyKind;
import io.serviceproof.attestation.ConformityBodies;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.web.Phrases;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation's page as a body (registration, accreditations), and other bodies' profiles. */
@Controller
class ConformityBodyPageController {

    private final Phrases phrases;

    private final ConformityBodies bodies;

    ConformityBodyPageController(ConformityBodies bodies, Phrases phrases) {
        this.phrases = phrases;
        this.bodies = bodies;
    }

    @GetMapping("/conformity-body")
    String own(Model model) {
        model.addAttribute("kinds", BodyKind.values());
        model.addAttribute("schemes", ConformityBodies.SCHEMES);
        bodies.current().ifPresent(body -> {
            model.addAttribute("body", body);
            model.addAttribute("profile", bodies.profile(body.slug()));
        });
        model.addAttribute("own", true);
        return "engagements/body";
    }

    @GetMapping("/conformity-bodies/{slug}")
    String profile(@PathVariable String slug, Model model) {
        ConformityBodies.BodyProfile profile = bodies.profile(slug);
        model.addAttribute("body", profile.body());
        model.addAttribute("profile", profile);
        model.addAttribute("own", false);
        return "engagements/body";
    }

    @PostMapping("/conformity-body")
    String register(@RequestParam(required = false) List<String> kinds, RedirectAttributes redirect) {
        try {
            bodies.register(
                    kinds == null
                            ? List.of()
                            : kinds.stream().map(BodyKind::fromToken).toList());
            redirect.addFlashAttribute("notice", "body.registered");
        } catch (InvalidInputException | ConflictException e) {
            EngagementPageController.refused(redirect, phrases.problem(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/conformity-body";
    }

    @PostMapping("/conformity-body/accreditations")
    String accreditation(
            @RequestParam(defaultValue = "") String accreditationBody,
            @RequestParam(defaultValue = "") String scheme,
            @RequestParam(defaultValue = "") String standards,
            @RequestParam(defaultValue = "") String sectors,
            @RequestParam(defaultValue = "") String certificateNumber,
            @RequestParam(defaultValue = "") String validFrom,
            @RequestParam(defaultValue = "") String validTo,
            @RequestParam(defaultValue = "") String evidenceUrl,
            RedirectAttributes redirect) {
        try {
            bodies.addAccreditation(new ConformityBodies.NewAccreditation(
                    accreditationBody,
                    scheme,
                    list(standards),
                    list(sectors),
                    certificateNumber,
                    date("validFrom", validFrom),
                    date("validTo", validTo),
                    evidenceUrl));
            redirect.addFlashAttribute("notice", "body.accreditation.recorded");
        } catch (InvalidInputException | ConflictException e) {
            EngagementPageController.refused(redirect, phrases.problem(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/conformity-body#accreditations";
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split("[,\\n]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static LocalDate date(String field, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "a date, YYYY-MM-DD");
        }
    }
}
