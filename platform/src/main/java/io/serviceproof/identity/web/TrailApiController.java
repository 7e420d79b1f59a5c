package io.serviceproof.identity.web;

import io.serviceproof.identity.TrailEntry;
import io.serviceproof.identity.TrailFilter;
import io.serviceproof.identity.UserActionTrail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Trail", description = "Who did what and when (OWNER and AUDITOR tokens)")
@RestController
@RequestMapping("/api/v1/trail")
class TrailApiController {

    private final UserActionTrail trail;

    TrailApiController(UserActionTrail trail) {
        this.trail = trail;
    }

    record TrailEntryResponse(
            String id,
            Instant occurredAt,
            String actorKind,
            String actorId,
            String actorName,
            String action,
            String targetType,
            String targetId,
            String detail,
            String disclosureSalt) {

        static TrailEntryResponse of(TrailEntry entry) {
            return new TrailEntryResponse(
                    entry.id(),
                    entry.occurredAt(),
                    entry.actorKind().name(),
                    entry.actorId(),
                    entry.actorName(),
                    entry.action(),
                    entry.targetType(),
                    entry.targetId(),
                    entry.detail(),
                    entry.disclosureSalt());
        }
    }

    @Operation(summary = "Search the trail, newest first")
    @GetMapping
    List<TrailEntryResponse> search(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(TrailFilter.MAX_PAGE_SIZE) int size) {
        return trail.find(new TrailFilter(actor, action, from, to, page, size)).stream()
                .map(TrailEntryResponse::of)
                .toList();
    }
}
