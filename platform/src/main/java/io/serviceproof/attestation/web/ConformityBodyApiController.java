package io.serviceproof.attestation.web;

import io.serviceproof.attestation.BodyAccreditation;
import io.serviceproof.attestation.BodyKind;
import io.serviceproof.attestation.ConformityBodies;
import io.serviceproof.attestation.ConformityBody;
import io.serviceproof.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organisation as a conformity-assessment body, and other bodies' public profiles. */
@RestController
@Tag(name = "Conformity-assessment bodies", description = "Bodies, their accreditations and the standing behind them")
class ConformityBodyApiController {

    private final ConformityBodies bodies;

    ConformityBodyApiController(ConformityBodies bodies) {
        this.bodies = bodies;
    }

    record Registration(List<BodyKind> kinds) {}

    @Operation(summary = "The acting organisation as a body, with its accreditations")
    @GetMapping("/api/v1/conformity-body")
    ConformityBodies.BodyProfile own() {
        ConformityBody body = bodies.current()
                .orElseThrow(() -> new NotFoundException("Conformity-assessment body", "this organisation"));
        return bodies.profile(body.slug());
    }

    @Operation(summary = "Register the organisation as a certification, inspection or testing body")
    @PutMapping("/api/v1/conformity-body")
    ConformityBody register(@RequestBody Registration registration) {
        return bodies.register(registration == null ? null : registration.kinds());
    }

    @Operation(summary = "Record one of the body's accreditations (with the accreditation body's public record of it)")
    @PostMapping("/api/v1/conformity-body/accreditations")
    ResponseEntity<BodyAccreditation> accreditation(@RequestBody ConformityBodies.NewAccreditation request) {
        return ResponseEntity.created(URI.create("/api/v1/conformity-body")).body(bodies.addAccreditation(request));
    }

    @Operation(summary = "A body's public profile: accreditations and the accreditation bodies' standing")
    @GetMapping("/api/v1/conformity-bodies/{slug}")
    ConformityBodies.BodyProfile profile(@PathVariable String slug) {
        return bodies.profile(slug);
    }
}
