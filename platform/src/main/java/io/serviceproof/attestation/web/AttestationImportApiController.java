package io.serviceproof.attestation.web;

import io.serviceproof.attestation.AttestationImports;
import io.serviceproof.catalog.Recorded;
import io.serviceproof.catalog.recognition.ConformityResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Taking a body's credential the organisation holds into its recognition layer, once proven. */
@RestController
@Tag(name = "Engagements")
class AttestationImportApiController {

    private final AttestationImports imports;

    AttestationImportApiController(AttestationImports imports) {
        this.imports = imports;
    }

    @Operation(
            summary = "Import a body's credential issued to this organisation: recorded as a conformity result only"
                    + " when every check is made and passes (for a body elsewhere, give its DID document and status"
                    + " lists)")
    @PostMapping("/api/v1/attestations/import")
    ResponseEntity<Recorded<ConformityResult>> importCredential(@RequestBody AttestationImports.Upload upload) {
        Recorded<ConformityResult> recorded = imports.importCredential(upload);
        return ResponseEntity.created(URI.create("/api/v1/catalog/recognition/results/" + recorded.id()))
                .body(recorded);
    }
}
