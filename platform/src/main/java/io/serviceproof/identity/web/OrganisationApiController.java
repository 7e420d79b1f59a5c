package io.serviceproof.identity.web;

import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Organisation", description = "The organisation the token belongs to")
@RestController
class OrganisationApiController {

    private final OrganisationDirectory directory;

    OrganisationApiController(OrganisationDirectory directory) {
        this.directory = directory;
    }

    record OrganisationResponse(
            String id, String slug, String name, String description, boolean logPublic, Instant createdAt) {}

    @Operation(summary = "The acting organisation")
    @GetMapping("/api/v1/organisation")
    OrganisationResponse current() {
        Organisation organisation = directory.current();
        return new OrganisationResponse(
                organisation.id().toString(),
                organisation.slug(),
                organisation.name(),
                organisation.description(),
                organisation.logPublic(),
                organisation.createdAt());
    }
}
