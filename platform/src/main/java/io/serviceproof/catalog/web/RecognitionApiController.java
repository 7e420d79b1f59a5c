package io.serviceproof.catalog.web;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Recorded;
import io.serviceproof.catalog.exchange.LibraryValidator;
import io.serviceproof.catalog.recognition.Accreditation;
import io.serviceproof.catalog.recognition.ConformityResult;
import io.serviceproof.catalog.recognition.RecognitionVerdict;
import io.serviceproof.common.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Recognition",
        description = "Accreditation arrangements, G2G MRAs, market acceptance rules, and the organisation's"
                + " own conformity results with where each is recognisable")
@RestController
@RequestMapping("/api/v1/catalog/recognition")
class RecognitionApiController {

    private final Catalog catalog;

    RecognitionApiController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "The recognition layer: arrangements, G2G MRAs, acceptance rules, accreditations, results")
    @GetMapping
    Map<String, List<? extends Recorded<?>>> layer() {
        return Map.of(
                "arrangements", catalog.arrangements(),
                "g2gMras", catalog.g2gMras(),
                "acceptanceRules", catalog.acceptanceRules(),
                "accreditations", catalog.accreditations(),
                "conformityResults", catalog.conformityResults());
    }

    record NewResult(
            @NotBlank @Pattern(regexp = "certificate|test_report|inspection_report|attestation")
            String kind,

            @NotBlank String framework,
            @Size(max = 120) String nationalEquivalentUsed,
            @Size(max = 1000) String scope,
            @NotBlank @Size(max = 200) String conformityBody,
            @Size(max = 80) String accreditationNumber,
            @NotNull LocalDate issued,
            LocalDate expires,
            List<String> registeredIn) {}

    @Operation(summary = "Record one of the organisation's certificates, reports or attestations")
    @PostMapping("/results")
    ResponseEntity<Recorded<ConformityResult>> record(@Valid @RequestBody NewResult request) {
        if (!LibraryValidator.FRAMEWORK_REFERENCE.matcher(request.framework()).matches()) {
            throw new InvalidInputException("framework", "use key@edition, e.g. iso-iec-27001@2022");
        }
        if (request.expires() != null && !request.expires().isAfter(request.issued())) {
            throw new InvalidInputException("expires", "must be after issued");
        }
        Recorded<ConformityResult> recorded = catalog.recordConformityResult(
                new ConformityResult(
                        "result",
                        request.kind(),
                        request.framework(),
                        request.nationalEquivalentUsed(),
                        request.scope(),
                        request.conformityBody(),
                        request.accreditationNumber(),
                        request.issued(),
                        request.expires(),
                        "active",
                        request.registeredIn()),
                catalog.recordedHere());
        return ResponseEntity.created(URI.create("/api/v1/catalog/recognition/results/" + recorded.id()))
                .body(recorded);
    }

    record ResultDetail(Recorded<ConformityResult> result, List<RecognitionVerdict> markets) {}

    @Operation(summary = "One conformity result, and in which markets it is recognisable today (and why not)")
    @GetMapping("/results/{id}")
    ResultDetail result(@PathVariable String id) {
        return new ResultDetail(catalog.conformityResult(id), catalog.recognitionOf(id));
    }

    record NewAccreditation(
            @NotBlank @Size(max = 200) String accreditationBody,
            @NotBlank @Size(max = 200) String conformityBody,
            @NotBlank @Size(max = 40) String scheme,
            @NotBlank @Size(max = 200) String subScope,
            @NotBlank @Size(max = 80) String number,
            LocalDate validFrom,
            LocalDate validTo) {}

    @Operation(summary = "Record a conformity-assessment body's accreditation (for recognition checks)")
    @PostMapping("/accreditations")
    ResponseEntity<Recorded<Accreditation>> accreditation(@Valid @RequestBody NewAccreditation request) {
        Recorded<Accreditation> recorded = catalog.recordAccreditation(
                new Accreditation(
                        request.number(),
                        request.accreditationBody(),
                        request.conformityBody(),
                        request.scheme(),
                        request.subScope(),
                        request.number(),
                        request.validFrom(),
                        request.validTo()),
                catalog.recordedHere());
        return ResponseEntity.created(URI.create("/api/v1/catalog/recognition")).body(recorded);
    }
}
