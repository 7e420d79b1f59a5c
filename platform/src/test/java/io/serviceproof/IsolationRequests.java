package io.serviceproof;

import static io.serviceproof.ActingAs.bearer;
import static io.serviceproof.ActingAs.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.serviceproof.identity.Role;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Turns an isolation case into a concrete request for one tenant: which of its records a path's
 * {@code {id}} names, the body with its placeholders filled, and the tenant's credentials.
 */
final class IsolationRequests {

    private IsolationRequests() {}

    /** The id that stands for a case's {@code {id}}: the tenant's record of the kind its path names. */
    static String idFor(IsolationCases.Case endpoint, TestTenant tenant, CatalogIds catalog) {
        String path = endpoint.path() + " " + endpoint.request();
        if (path.contains("/engagements/")) {
            return catalog.engagementId();
        }
        if (path.contains("/devices/")) {
            return catalog.deviceId();
        }
        if (path.contains("/mqtt-connections/") || path.contains("/ingest/mqtt/")) {
            return catalog.mqttConnectionId();
        }
        if (path.contains("/tenders/")) {
            return catalog.tenderId();
        }
        if (path.contains("/event-imports/") || path.contains("/ingest/imports/")) {
            return catalog.eventImportId();
        }
        if (path.contains("/watch/items/")) {
            return catalog.watchItemId();
        }
        if (path.contains("/watch/feeds/")) {
            return catalog.feedId();
        }
        if (path.contains("/watch/proposals/")) {
            return catalog.proposalId();
        }
        if (path.contains("/users")) {
            return tenant.user(Role.ENGINEER).id().toString();
        }
        if (path.contains("/evidence/")) {
            return catalog.evidenceId();
        }
        if (path.contains("/dossier-builds/")) {
            return catalog.dossierBuildId();
        }
        if (path.contains("/credentials/")) {
            return catalog.credentialId();
        }
        if (path.contains("/assessments/comparison")) {
            return catalog.offeringId();
        }
        if (path.contains("/assessments/")) {
            return catalog.assessmentId();
        }
        if (path.contains("/technicians/") || path.contains("/people/")) {
            return catalog.technicianId();
        }
        if (path.contains("/layers/")) {
            return catalog.layerId();
        }
        if (path.contains("/offerings/")) {
            return catalog.offeringId();
        }
        if (path.contains("/frameworks") || path.contains("/compare") || path.contains("mappings/export")) {
            return catalog.frameworkId();
        }
        if (path.contains("/requirements") || path.contains("suggestions")) {
            return catalog.requirementId();
        }
        if (path.contains("/mappings/")) {
            return catalog.mappingId();
        }
        if (path.contains("/results/")) {
            return catalog.resultId();
        }
        return tenant.tokenIdOfEngineer();
    }

    /** A JSON document as a JSON string value. */
    private static String quoted(String document) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(document);
    }

    /**
     * The case's request at {@code path}, as {@code tenant}'s owner: its body with the placeholders
     * filled ({@code own}: the acting tenant's catalog ids; {@code referenced}: those a body names,
     * the acting tenant's or the other's; {@code n}: a number unique to the request), by token on
     * the API and by session on the pages.
     */
    static AbstractMockHttpServletRequestBuilder<?> as(
            IsolationCases.Case endpoint,
            String path,
            TestTenant tenant,
            CatalogIds own,
            CatalogIds referenced,
            int n) {
        // A second id in an engagement's path (an evidence file, a finding) is the acting tenant's own.
        path = path.replace("{item}", own.engagementEvidenceId())
                .replace("{finding}", own.findingId())
                .replace("{clauseId}", own.tenderClauseId());
        AbstractMockHttpServletRequestBuilder<?> request = request(endpoint.method(), path);
        if (endpoint.body() != null && endpoint.body().startsWith("multipart:")) {
            // An upload: a small file plus the form fields the case names.
            var upload = multipart(endpoint.method(), path)
                    .file(new MockMultipartFile("file", "upload.txt", "text/plain", "isolation".getBytes()));
            for (String pair : endpoint.body().substring("multipart:".length()).split("&")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=", 2);
                    upload.param(
                            kv[0],
                            kv[1].replace("{ref-a}", referenced.requirementId())
                                    .replace("{framework}", referenced.frameworkId())
                                    .replace("{offering}", referenced.offeringId()));
                }
            }
            request = upload;
        } else if (endpoint.body() != null) {
            String body = endpoint.body()
                    .replace("{n}", Integer.toString(n))
                    .replace("{uuid}", java.util.UUID.randomUUID().toString())
                    .replace("{own-a}", own.requirementId())
                    .replace("{own-b}", own.otherRequirementId())
                    .replace("{layer}", own.layerId())
                    .replace("{credential}", referenced.credentialId())
                    .replace("{body}", referenced.bodySlug())
                    .replace("{attestation}", quoted(referenced.attestation()))
                    .replace("{ref-a}", referenced.requirementId())
                    .replace("{framework-id}", referenced.frameworkId())
                    .replace("{offering}", referenced.offeringId())
                    .replace("{signed-assessment}", referenced.signedAssessmentId())
                    .replace("{framework}", referenced.frameworkUuid())
                    .replace("{other-framework}", referenced.otherFrameworkUuid());
            request.content(body)
                    .contentType(endpoint.api() ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED);
        }
        if (endpoint.api()) {
            return request.with(bearer(tenant.token(Role.OWNER)));
        }
        return request.with(user(tenant, tenant.user(Role.OWNER))).with(csrf()).accept(MediaType.TEXT_HTML);
    }
}
