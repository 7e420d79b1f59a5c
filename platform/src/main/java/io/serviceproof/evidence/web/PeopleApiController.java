package io.serviceproof.evidence.web;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.evidence.EvidenceFilter;
import io.serviceproof.evidence.Vault;
import io.serviceproof.evidence.people.Authorisation;
import io.serviceproof.evidence.people.CompetenceMatrix;
import io.serviceproof.evidence.people.LayerTask;
import io.serviceproof.evidence.people.NewQualification;
import io.serviceproof.evidence.people.People;
import io.serviceproof.evidence.people.Qualification;
import io.serviceproof.evidence.people.Technician;
import io.serviceproof.evidence.web.EvidenceResponses.EvidenceResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "People", description = "Technicians, training and certifications, layer tasks, competence matrix")
@RestController
@RequestMapping("/api/v1")
class PeopleApiController {

    private final People people;
    private final Vault vault;
    private final Clock clock;

    PeopleApiController(People people, Vault vault, Clock clock) {
        this.people = people;
        this.vault = vault;
        this.clock = clock;
    }

    @Operation(summary = "List technicians")
    @GetMapping("/technicians")
    List<Technician> technicians() {
        return people.technicians();
    }

    record NewTechnician(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String email,
            @Size(max = 200) String employer,
            List<String> roles,
            String userId) {}

    @Operation(summary = "Add a technician (optionally linked to their user account)")
    @PostMapping("/technicians")
    ResponseEntity<Technician> add(@Valid @RequestBody NewTechnician request) {
        Technician technician = people.addTechnician(
                request.name(), request.email(), request.employer(), request.roles(), request.userId());
        return ResponseEntity.created(URI.create("/api/v1/technicians/" + technician.id()))
                .body(technician);
    }

    record TechnicianDetail(
            Technician technician, List<Qualification> qualifications, List<Authorisation> authorisations) {}

    @Operation(summary = "One technician with training, certifications and authorisations")
    @GetMapping("/technicians/{id}")
    TechnicianDetail technician(@PathVariable String id) {
        return new TechnicianDetail(people.technician(id), people.qualificationsOf(id), people.authorisationsOf(id));
    }

    record QualificationRequest(
            @NotBlank String kind,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String issuer,
            @Size(max = 100) String number,
            @Size(max = 500) String scope,
            String obtainedOn,
            String validUntil,
            String evidenceId) {}

    @Operation(summary = "Record a training (kind=training) or certification (kind=certification)")
    @PostMapping("/technicians/{id}/qualifications")
    ResponseEntity<Qualification> qualify(@PathVariable String id, @Valid @RequestBody QualificationRequest request) {
        Qualification.Kind kind;
        try {
            kind = Qualification.Kind.valueOf(request.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "training or certification");
        }
        Qualification created = people.addQualification(
                id,
                new NewQualification(
                        kind,
                        request.name(),
                        request.issuer(),
                        request.number(),
                        request.scope(),
                        EvidenceApiController.date("obtainedOn", request.obtainedOn()),
                        EvidenceApiController.date("validUntil", request.validUntil()),
                        request.evidenceId()));
        return ResponseEntity.created(URI.create("/api/v1/technicians/" + id)).body(created);
    }

    record AuthorisationRequest(@NotBlank String taskId) {}

    @Operation(summary = "Authorise the technician for a layer task (owners and compliance managers)")
    @PostMapping("/technicians/{id}/authorisations")
    ResponseEntity<Authorisation> authorise(@PathVariable String id, @Valid @RequestBody AuthorisationRequest request) {
        Authorisation authorisation = people.authorise(id, request.taskId());
        return ResponseEntity.created(URI.create("/api/v1/technicians/" + id)).body(authorisation);
    }

    @Operation(summary = "Revoke an authorisation (owners and compliance managers)")
    @DeleteMapping("/technicians/{id}/authorisations/{authorisationId}")
    ResponseEntity<Void> revoke(@PathVariable String id, @PathVariable String authorisationId) {
        people.revoke(id, authorisationId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary =
                    "The layer's competence matrix: who may do each task, and whether a current qualification backs it")
    @GetMapping("/layers/{id}/competence")
    CompetenceMatrix competence(@PathVariable String id) {
        return people.matrix(id, today());
    }

    record TaskRequest(
            @NotBlank @Size(max = 200) String task,
            @NotBlank @Size(max = 200) String requiredScope) {}

    @Operation(summary = "Add a task to the layer that needs a qualification of the given scope")
    @PostMapping("/layers/{id}/tasks")
    ResponseEntity<LayerTask> addTask(@PathVariable String id, @Valid @RequestBody TaskRequest request) {
        LayerTask task = people.addTask(id, request.task(), request.requiredScope());
        return ResponseEntity.created(URI.create("/api/v1/layers/" + id + "/competence"))
                .body(task);
    }

    record Expiring(int days, List<EvidenceResponse> evidence, List<Qualification> qualifications) {}

    @Operation(summary = "Evidence and qualifications whose validity ends within the given days (30, 60, 90…)")
    @GetMapping("/expiring")
    Expiring expiring(@RequestParam(defaultValue = "30") int days) {
        if (days < 0 || days > 3660) {
            throw new InvalidInputException("days", "0 to 3660");
        }
        return new Expiring(
                days,
                vault.find(new EvidenceFilter(null, null, today().plusDays(days), null, null)).stream()
                        .map(EvidenceResponse::of)
                        .toList(),
                people.endingWithin(days));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
