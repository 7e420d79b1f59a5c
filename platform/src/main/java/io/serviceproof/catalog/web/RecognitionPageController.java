package io.serviceproof.catalog.web;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Recorded;
import io.serviceproof.catalog.exchange.LibraryValidator;
import io.serviceproof.catalog.recognition.Accreditation;
import io.serviceproof.catalog.recognition.ConformityResult;
import io.serviceproof.catalog.recognition.RecognitionVerdict;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's certificates, reports and attestations, and in which markets each is
 * recognisable today and why (or why not, naming the unverified rows a verdict would rest on); the
 * accreditations and acceptance rules those verdicts read. The same layer as the recognition API.
 */
@Controller
class RecognitionPageController {

    /** In the order a form offers them: certificates are the usual case. */
    private static final List<String> KINDS = List.of("certificate", "test_report", "inspection_report", "attestation");

    private final Catalog catalog;

    RecognitionPageController(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A result with its verdict per market. */
    record ResultRow(Recorded<ConformityResult> result, List<RecognitionVerdict> verdicts) {}

    @GetMapping("/catalog/recognition")
    String page(Model model) {
        List<ResultRow> rows = new ArrayList<>();
        for (Recorded<ConformityResult> result : catalog.conformityResults()) {
            rows.add(new ResultRow(result, catalog.recognitionOf(result.id())));
        }
        model.addAttribute("results", rows);
        model.addAttribute("accreditations", catalog.accreditations());
        model.addAttribute("rules", catalog.acceptanceRules());
        model.addAttribute("arrangements", catalog.arrangements());
        model.addAttribute("kinds", KINDS);
        return "catalog/recognition";
    }

    @PostMapping("/catalog/recognition/results")
    String recordResult(
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String framework,
            @RequestParam(defaultValue = "") String conformityBody,
            @RequestParam(defaultValue = "") String accreditationNumber,
            @RequestParam(defaultValue = "") String scope,
            @RequestParam(defaultValue = "") String issued,
            @RequestParam(defaultValue = "") String expires,
            @RequestParam(defaultValue = "") String registeredIn,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!KINDS.contains(kind)) {
            errors.put("kind", "recognition.error.kind");
        }
        if (!LibraryValidator.FRAMEWORK_REFERENCE.matcher(framework.strip()).matches()) {
            errors.put("framework", "recognition.error.framework");
        }
        if (conformityBody.isBlank() || conformityBody.strip().length() > 200) {
            errors.put("conformityBody", "recognition.error.body");
        }
        LocalDate issuedOn = date(issued);
        LocalDate expiresOn = expires.isBlank() ? null : date(expires);
        if (issuedOn == null) {
            errors.put("issued", "recognition.error.issued");
        }
        if (!expires.isBlank() && (expiresOn == null || (issuedOn != null && !expiresOn.isAfter(issuedOn)))) {
            errors.put("expires", "recognition.error.expires");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("resultErrors", errors);
            model.addAttribute(
                    "resultForm",
                    Map.of(
                            "kind",
                            kind,
                            "framework",
                            framework,
                            "conformityBody",
                            conformityBody,
                            "accreditationNumber",
                            accreditationNumber,
                            "scope",
                            scope,
                            "issued",
                            issued,
                            "expires",
                            expires,
                            "registeredIn",
                            registeredIn));
            return page(model);
        }
        Recorded<ConformityResult> recorded = catalog.recordConformityResult(
                new ConformityResult(
                        "result",
                        kind,
                        framework.strip(),
                        null,
                        blankToNull(scope),
                        conformityBody.strip(),
                        blankToNull(accreditationNumber),
                        issuedOn,
                        expiresOn,
                        "active",
                        Arrays.stream(registeredIn.toUpperCase().split("[,\\s]+"))
                                .filter(code -> code.matches("[A-Z]{2}"))
                                .toList()),
                catalog.recordedHere());
        redirect.addFlashAttribute("notice", "recognition.recorded");
        return "redirect:/catalog/recognition#result-" + recorded.id();
    }

    @PostMapping("/catalog/recognition/accreditations")
    String recordAccreditation(
            @RequestParam(defaultValue = "") String accreditationBody,
            @RequestParam(defaultValue = "") String conformityBody,
            @RequestParam(defaultValue = "") String scheme,
            @RequestParam(defaultValue = "") String subScope,
            @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "") String validFrom,
            @RequestParam(defaultValue = "") String validTo,
            Model model,
            RedirectAttributes redirect) {
        LocalDate from = validFrom.isBlank() ? null : date(validFrom);
        LocalDate to = validTo.isBlank() ? null : date(validTo);
        boolean blank = accreditationBody.isBlank()
                || conformityBody.isBlank()
                || scheme.isBlank()
                || subScope.isBlank()
                || number.isBlank();
        boolean badDates = (!validFrom.isBlank() && from == null)
                || (!validTo.isBlank() && to == null)
                || (from != null && to != null && !to.isAfter(from));
        if (blank || badDates) {
            model.addAttribute(
                    "accreditationProblem", blank ? "recognition.error.accreditation" : "recognition.error.dates");
            return page(model);
        }
        catalog.recordAccreditation(
                new Accreditation(
                        number.strip(),
                        accreditationBody.strip(),
                        conformityBody.strip(),
                        scheme.strip(),
                        subScope.strip(),
                        number.strip(),
                        from,
                        to),
                catalog.recordedHere());
        redirect.addFlashAttribute("notice", "recognition.accreditationRecorded");
        return "redirect:/catalog/recognition";
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
