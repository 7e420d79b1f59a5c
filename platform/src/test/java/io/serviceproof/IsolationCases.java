package io.serviceproof;

import java.util.List;
import org.springframework.http.HttpMethod;

/** Every endpoint of the application and how tenant isolation is checked for it. */
final class IsolationCases {

    private IsolationCases() {}

    enum Kind {
        /** The path names a record by id: B's id must be a 404 and change nothing of B's. */
        FOREIGN_ID,
        /** A list: A's rows are there, B's are not. */
        LIST,
        /** A page or document about the acting organisation itself. */
        OWN_ORGANISATION,
        /** Creates a record: it must land in A, and B must not see it. */
        CREATE,
        /** Serves no tenant data at all. */
        PUBLIC,
        /** A log position: an index that exists only in B's (longer) log is a 404 for A. */
        FOREIGN_INDEX,
        /** A log addressed by slug: B's private log is a 404 for A, A's own log works. */
        FOREIGN_LOG,
        /** Looks up B's producer event id: a 404. */
        FOREIGN_EVENT,
        /** Public by design for every organisation (a DID document): each slug answers with its own. */
        PUBLIC_PER_ORGANISATION,
        /** A public address whose unguessable id is the capability: it resolves under its own organisation only. */
        PUBLIC_CAPABILITY,
        /** Takes no organisation-identifying input; it must work and must not mention B. */
        OWN_DATA,
        /** The body names B's records: it must be refused and change nothing; A's own works. */
        FOREIGN_REFERENCE,
        /** A form upload of A's own: rejected input re-renders the page for A only. */
        OWN_DATA_FORM
    }

    /**
     * @param path the endpoint's pattern as the application declares it
     * @param request the path requested, when it differs from the pattern (wildcards, query strings)
     */
    record Case(HttpMethod method, String path, Kind kind, boolean api, String body, String request) {
        Case(HttpMethod method, String path, Kind kind, boolean api, String body) {
            this(method, path, kind, api, body, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Case> all() {
        return List.of(
                new Case(HttpMethod.GET, "/api/v1/organisation", Kind.OWN_ORGANISATION, true, null),
                new Case(HttpMethod.GET, "/api/v1/users", Kind.LIST, true, null),
                new Case(HttpMethod.GET, "/api/v1/users/{id}", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/users",
                        Kind.CREATE,
                        true,
                        "{\"email\":\"new-{n}@a.test\",\"displayName\":\"New\",\"role\":\"ENGINEER\",\"password\":\"long-enough-password\"}"),
                new Case(HttpMethod.POST, "/api/v1/users/{id}/deactivate", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.PUT, "/api/v1/users/{id}/role", Kind.FOREIGN_ID, true, "{\"role\":\"AUDITOR\"}"),
                new Case(HttpMethod.GET, "/api/v1/tokens", Kind.LIST, true, null),
                new Case(HttpMethod.GET, "/api/v1/tokens/{id}", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/tokens",
                        Kind.CREATE,
                        true,
                        "{\"name\":\"created-{n}\",\"role\":\"AUDITOR\"}"),
                new Case(HttpMethod.DELETE, "/api/v1/tokens/{id}", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.GET, "/api/v1/trail", Kind.LIST, true, null),
                new Case(HttpMethod.GET, "/", Kind.OWN_ORGANISATION, false, null),
                new Case(HttpMethod.GET, "/login", Kind.PUBLIC, false, null),
                new Case(HttpMethod.GET, "/users", Kind.LIST, false, null),
                new Case(HttpMethod.GET, "/users/{id}", Kind.FOREIGN_ID, false, null),
                new Case(
                        HttpMethod.POST,
                        "/users",
                        Kind.CREATE,
                        false,
                        "email=form-{n}@a.test&displayName=Form&role=ENGINEER&password=long-enough-password"),
                new Case(HttpMethod.POST, "/users/{id}/deactivate", Kind.FOREIGN_ID, false, null),
                new Case(HttpMethod.POST, "/users/{id}/role", Kind.FOREIGN_ID, false, "role=AUDITOR"),
                new Case(HttpMethod.GET, "/tokens", Kind.LIST, false, null),
                new Case(HttpMethod.GET, "/tokens/{id}", Kind.FOREIGN_ID, false, null),
                new Case(
                        HttpMethod.POST,
                        "/tokens",
                        Kind.CREATE,
                        false,
                        "name=form-created-{n}&role=AUDITOR&expiresInDays=5"),
                new Case(HttpMethod.POST, "/tokens/{id}/revoke", Kind.FOREIGN_ID, false, null),
                new Case(HttpMethod.GET, "/trail", Kind.LIST, false, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/ledger/entries",
                        Kind.CREATE,
                        true,
                        "{\"eventId\":\"e-{n}\",\"type\":\"heartbeat\",\"occurredAt\":\"2026-11-26T00:00:00Z\"}"),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/ledger/entries",
                        Kind.LIST,
                        true,
                        null,
                        "/api/v1/ledger/entries?limit=500"),
                new Case(HttpMethod.GET, "/api/v1/ledger/entries/{index}", Kind.FOREIGN_INDEX, true, null),
                new Case(HttpMethod.GET, "/api/v1/ledger/entries/{index}/tlog-proof", Kind.FOREIGN_INDEX, true, null),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/ledger/proofs/inclusion",
                        Kind.FOREIGN_EVENT,
                        true,
                        null,
                        "/api/v1/ledger/proofs/inclusion?eventId={event}"),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/ledger/proofs/consistency",
                        Kind.OWN_DATA,
                        true,
                        null,
                        "/api/v1/ledger/proofs/consistency?from=1&to=2"),
                new Case(HttpMethod.GET, "/api/v1/ledger/checkpoint", Kind.OWN_DATA, true, null),
                new Case(HttpMethod.POST, "/api/v1/ledger/checkpoints", Kind.OWN_DATA, true, null),
                new Case(HttpMethod.GET, "/api/v1/credentials", Kind.LIST, true, null),
                new Case(HttpMethod.GET, "/api/v1/credentials/{id}", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.GET, "/api/v1/credentials/{id}/dossier", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.POST, "/api/v1/credentials/{id}/dossiers", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.GET, "/api/v1/dossier-builds/{id}", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.GET, "/api/v1/dossier-builds/{id}/file", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.GET, "/credentials", Kind.LIST, false, null),
                new Case(HttpMethod.POST, "/assessments/{id}/credential", Kind.FOREIGN_ID, false, null),
                new Case(HttpMethod.POST, "/credentials/{id}/revoke", Kind.FOREIGN_ID, false, null),
                new Case(HttpMethod.POST, "/credentials/{id}/dossier", Kind.FOREIGN_ID, false, null),
                new Case(HttpMethod.GET, "/dossier-builds/{id}", Kind.FOREIGN_ID, false, null),
                new Case(HttpMethod.GET, "/dossier-builds/{id}/progress", Kind.FOREIGN_ID, false, null),
                new Case(HttpMethod.GET, "/dossier-builds/{id}/file", Kind.FOREIGN_ID, false, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/credentials/{id}/revoke",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"reason\":\"isolation test\"}"),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/credentials",
                        Kind.FOREIGN_REFERENCE,
                        true,
                        "{\"assessmentId\":\"{signed-assessment}\",\"belowReadinessReason\":\"test\"}"),
                new Case(HttpMethod.GET, "/orgs/{slug}/did.json", Kind.PUBLIC_PER_ORGANISATION, true, null),
                new Case(HttpMethod.GET, "/orgs/{slug}/credentials/{id}", Kind.PUBLIC_CAPABILITY, true, null),
                new Case(HttpMethod.GET, "/verify", Kind.PUBLIC, false, null),
                new Case(HttpMethod.POST, "/verify", Kind.PUBLIC, false, null),
                new Case(HttpMethod.GET, "/orgs/{slug}/credentials/status/1", Kind.PUBLIC_PER_ORGANISATION, true, null),
                new Case(HttpMethod.GET, "/logs/{slug}/checkpoint", Kind.FOREIGN_LOG, true, null),
                new Case(HttpMethod.GET, "/logs/{slug}/vkey", Kind.FOREIGN_LOG, true, null),
                new Case(HttpMethod.GET, "/logs/{slug}/witness-policy", Kind.FOREIGN_LOG, true, null),
                new Case(HttpMethod.GET, "/api/v1/ledger/witness-policy", Kind.OWN_DATA, true, null),
                new Case(HttpMethod.GET, "/api/v1/ledger/witnesses", Kind.OWN_DATA, true, null),
                new Case(HttpMethod.PUT, "/api/v1/ledger/witness-policy", Kind.CREATE, true, "quorum none\n"),
                new Case(HttpMethod.POST, "/ledger/witness-policy", Kind.CREATE, false, "policy=quorum+none"),
                new Case(
                        HttpMethod.GET,
                        "/logs/{slug}/tile/**",
                        Kind.FOREIGN_LOG,
                        true,
                        null,
                        "/logs/{slug}/tile/0/000.p/1"),
                new Case(HttpMethod.GET, "/ledger", Kind.LIST, false, null),
                new Case(HttpMethod.GET, "/ledger/entries/{index}", Kind.FOREIGN_INDEX, false, null),
                new Case(HttpMethod.GET, "/ledger/entries/{index}/tlog-proof", Kind.FOREIGN_INDEX, false, null),
                // The standards library: every organisation has its own copy, so B's ids are unknown to A.
                new Case(HttpMethod.GET, "/api/v1/catalog/frameworks", Kind.LIST, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/catalog/frameworks",
                        Kind.CREATE,
                        true,
                        "{\"catalog\":{\"uuid\":\"{uuid}\",\"metadata\":{\"title\":\"Checklist {n}\","
                                + "\"last-modified\":\"2026-11-26T00:00:00Z\",\"version\":\"{n}\","
                                + "\"oscal-version\":\"1.1.2\"},\"controls\":[{\"id\":\"c-1\",\"title\":\"One\"}]}}"),
                new Case(HttpMethod.GET, "/api/v1/catalog/frameworks/{id}", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.GET, "/api/v1/catalog/frameworks/{id}/requirements", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/catalog/frameworks/{id}/export",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/catalog/frameworks/{id}/export?format=yaml"),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/catalog/frameworks/{id}/diff",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/catalog/frameworks/{id}/diff?from={id}"),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/catalog/frameworks/{id}/coverage",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/catalog/frameworks/{id}/coverage?by={id}"),
                new Case(HttpMethod.GET, "/api/v1/catalog/requirements/{id}", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.PATCH,
                        "/api/v1/catalog/requirements/{id}",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"title\":\"Changed by A\",\"evidenceTypes\":[\"E3\"],\"verified\":false}"),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/catalog/search",
                        Kind.LIST,
                        true,
                        null,
                        "/api/v1/catalog/search?q=logging"),
                new Case(HttpMethod.GET, "/api/v1/catalog/adoptions", Kind.LIST, true, null),
                new Case(HttpMethod.GET, "/api/v1/catalog/mappings", Kind.LIST, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/catalog/mappings",
                        Kind.CREATE,
                        true,
                        "{\"sourceId\":\"{own-a}\",\"targetId\":\"{own-b}\",\"relationship\":\"INTERSECTS_WITH\","
                                + "\"rationale\":\"SEMANTIC\"}"),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/catalog/mappings/import",
                        Kind.FOREIGN_REFERENCE,
                        true,
                        "{\"mapping-collection\":{\"uuid\":\"{uuid}\",\"metadata\":{\"title\":\"x\"},"
                                + "\"provenance\":{\"method\":\"human\"},\"mappings\":[{\"source-resource\":"
                                + "{\"href\":\"urn:uuid:{framework}\"},\"target-resource\":{\"href\":"
                                + "\"urn:uuid:{other-framework}\"},\"maps\":[{\"relationship\":\"intersects-with\","
                                + "\"sources\":[{\"id-ref\":\"A.8.16\"}],\"targets\":[{\"id-ref\":\"7.1\"}]}]}]}}"),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/catalog/mappings/export",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/catalog/mappings/export?source={id}&target={id}"),
                new Case(HttpMethod.GET, "/api/v1/catalog/mappings/{id}", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.PATCH,
                        "/api/v1/catalog/mappings/{id}",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"note\":\"edited by A\"}"),
                new Case(HttpMethod.POST, "/api/v1/catalog/mappings/{id}/confirm", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.POST, "/api/v1/catalog/mappings/{id}/reject", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/catalog/mappings/suggestions",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/catalog/mappings/suggestions?requirement={id}"),
                new Case(HttpMethod.GET, "/api/v1/catalog/markets", Kind.OWN_DATA, true, null),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/catalog/markets/{code}",
                        Kind.OWN_DATA,
                        true,
                        null,
                        "/api/v1/catalog/markets/VN"),
                new Case(HttpMethod.GET, "/api/v1/catalog/recognition", Kind.LIST, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/catalog/recognition/results",
                        Kind.CREATE,
                        true,
                        "{\"kind\":\"certificate\",\"framework\":\"iso-iec-27001@2022\",\"conformityBody\":\"CB {n}\","
                                + "\"issued\":\"2026-01-01\",\"expires\":\"2029-01-01\"}"),
                new Case(HttpMethod.GET, "/api/v1/catalog/recognition/results/{id}", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/catalog/recognition/accreditations",
                        Kind.CREATE,
                        true,
                        "{\"accreditationBody\":\"CNAS\",\"conformityBody\":\"CB {n}\",\"scheme\":\"17021-1\","
                                + "\"subScope\":\"ISO/IEC 27006 + ISO/IEC 27001\",\"number\":\"N{n}\"}"),
                new Case(HttpMethod.GET, "/catalog", Kind.LIST, false, null),
                new Case(HttpMethod.GET, "/catalog/recognition", Kind.LIST, false, null),
                new Case(
                        HttpMethod.POST,
                        "/catalog/recognition/results",
                        Kind.CREATE,
                        false,
                        "kind=certificate&framework=iso-iec-27001%402022&conformityBody=CB+{n}&issued=2026-01-01"),
                new Case(
                        HttpMethod.POST,
                        "/catalog/recognition/accreditations",
                        Kind.CREATE,
                        false,
                        "accreditationBody=CNAS&conformityBody=CB+{n}&scheme=17021-1&subScope=ISO%2FIEC+27001&number=N{n}"),
                new Case(HttpMethod.POST, "/catalog/import", Kind.OWN_DATA_FORM, false, null),
                // The evidence vault: B's evidence is a 404 for A everywhere, and A cannot link to B's catalog.
                new Case(
                        HttpMethod.POST,
                        "/api/v1/evidence",
                        Kind.FOREIGN_REFERENCE,
                        true,
                        "multipart:title=Upload&type=E3&requirementId={ref-a}"),
                new Case(HttpMethod.GET, "/api/v1/evidence", Kind.LIST, true, null),
                new Case(HttpMethod.GET, "/api/v1/evidence/{id}", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.PATCH, "/api/v1/evidence/{id}", Kind.FOREIGN_ID, true, "{\"title\":\"taken\"}"),
                new Case(HttpMethod.GET, "/api/v1/evidence/{id}/content", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/evidence/{id}/versions",
                        Kind.FOREIGN_ID,
                        true,
                        "multipart:effectiveDate=2026-01-01"),
                new Case(HttpMethod.POST, "/api/v1/evidence/{id}/submit", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.POST, "/api/v1/evidence/{id}/approve", Kind.FOREIGN_ID, true, "{}"),
                new Case(
                        HttpMethod.POST, "/api/v1/evidence/{id}/reject", Kind.FOREIGN_ID, true, "{\"comment\":\"no\"}"),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/evidence/{id}/links",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"kind\":\"requirement\",\"targetId\":\"{own-b}\"}"),
                new Case(
                        HttpMethod.DELETE,
                        "/api/v1/evidence/{id}/links/{linkId}",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/evidence/{id}/links/any"),
                new Case(HttpMethod.GET, "/evidence", Kind.LIST, false, null),
                new Case(HttpMethod.GET, "/evidence/new", Kind.OWN_DATA, false, null),
                new Case(HttpMethod.POST, "/evidence", Kind.OWN_DATA_FORM, false, null),
                new Case(HttpMethod.GET, "/evidence/{id}", Kind.FOREIGN_ID, false, null),
                new Case(HttpMethod.GET, "/evidence/{id}/content", Kind.FOREIGN_ID, false, null),
                new Case(
                        HttpMethod.POST,
                        "/evidence/{id}/versions",
                        Kind.FOREIGN_ID,
                        false,
                        "multipart:effectiveDate=2026-01-01"),
                new Case(HttpMethod.POST, "/evidence/{id}/submit", Kind.FOREIGN_ID, false, ""),
                new Case(HttpMethod.POST, "/evidence/{id}/approve", Kind.FOREIGN_ID, false, ""),
                new Case(HttpMethod.POST, "/evidence/{id}/reject", Kind.FOREIGN_ID, false, "comment=no"),
                new Case(
                        HttpMethod.POST,
                        "/evidence/{id}/links",
                        Kind.FOREIGN_ID,
                        false,
                        "framework={framework-id}&ref=A.8.16"),
                new Case(
                        HttpMethod.POST,
                        "/evidence/{id}/links/{linkId}/delete",
                        Kind.FOREIGN_ID,
                        false,
                        "",
                        "/evidence/{id}/links/any/delete"),
                // Offerings and service layers.
                new Case(HttpMethod.GET, "/api/v1/layer-templates", Kind.PUBLIC, true, null),
                new Case(HttpMethod.GET, "/api/v1/ledger/event-types", Kind.PUBLIC, true, null),
                new Case(HttpMethod.GET, "/api/v1/offerings", Kind.LIST, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/offerings",
                        Kind.CREATE,
                        true,
                        "{\"name\":\"Line {n}\",\"markets\":[\"VN\"]}"),
                new Case(HttpMethod.GET, "/api/v1/offerings/{id}", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/offerings/{id}/layers",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"name\":\"Layer {n}\",\"template\":\"custom\"}"),
                new Case(HttpMethod.GET, "/api/v1/layers/{id}", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.PUT, "/api/v1/layers/{id}/draft", Kind.FOREIGN_ID, true, "{\"risks\":[\"taken\"]}"),
                new Case(HttpMethod.POST, "/api/v1/layers/{id}/publish", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/layers/{id}/versions/{version}",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/layers/{id}/versions/1"),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/layers/{id}/compare",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/layers/{id}/compare?from=1&to=draft"),
                new Case(HttpMethod.GET, "/api/v1/layers/{id}/cross-border-flows", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.GET, "/api/v1/layers/{id}/sla", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.GET, "/layers/{id}/sla", Kind.FOREIGN_ID, false, null),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/layers/{id}/sla",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/layers/{id}/sla?period=2026-W43"),
                new Case(HttpMethod.GET, "/layers/{id}/sla.pdf", Kind.FOREIGN_ID, false, null),
                new Case(HttpMethod.GET, "/api/v1/layers/{id}/data-flow.svg", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/layers/{id}/api-contracts",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"x\",\"version\":\"9\"},\"paths\":{}}"),
                new Case(HttpMethod.GET, "/api/v1/layers/{id}/api-contracts", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/layers/{id}/api-contracts/{version}",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/layers/{id}/api-contracts/1"),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/layers/{id}/api-contracts/{version}/diff",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/layers/{id}/api-contracts/1/diff?from=1"),
                new Case(HttpMethod.POST, "/layers/{id}/api-contracts", Kind.FOREIGN_ID, false, "multipart:"),
                new Case(
                        HttpMethod.GET,
                        "/layers/{id}/api-contracts/{version}/diff",
                        Kind.FOREIGN_ID,
                        false,
                        null,
                        "/layers/{id}/api-contracts/1/diff?from=1"),
                new Case(HttpMethod.GET, "/api/v1/layers/{id}/openslo", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.PUT,
                        "/api/v1/layers/{id}/openslo",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"apiVersion\":\"openslo/v1\",\"kind\":\"SLO\"}"),
                new Case(HttpMethod.POST, "/layers/{id}/openslo", Kind.FOREIGN_ID, false, "multipart:"),
                new Case(HttpMethod.GET, "/offerings", Kind.LIST, false, null),
                new Case(HttpMethod.POST, "/offerings", Kind.CREATE, false, "name=Line+{n}&markets=VN"),
                new Case(HttpMethod.GET, "/offerings/{id}", Kind.FOREIGN_ID, false, null),
                new Case(
                        HttpMethod.POST,
                        "/offerings/{id}/layers",
                        Kind.FOREIGN_ID,
                        false,
                        "name=Layer+{n}&template=custom"),
                new Case(HttpMethod.GET, "/layers/{id}", Kind.FOREIGN_ID, false, null),
                new Case(
                        HttpMethod.GET,
                        "/layers/{id}/versions/{version}",
                        Kind.FOREIGN_ID,
                        false,
                        null,
                        "/layers/{id}/versions/1"),
                new Case(HttpMethod.GET, "/layers/{id}/edit", Kind.FOREIGN_ID, false, null),
                new Case(HttpMethod.POST, "/layers/{id}/draft", Kind.FOREIGN_ID, false, "yaml=risks%3A+%5Btaken%5D"),
                new Case(HttpMethod.POST, "/layers/{id}/publish", Kind.FOREIGN_ID, false, ""),
                new Case(
                        HttpMethod.GET,
                        "/layers/{id}/compare",
                        Kind.FOREIGN_ID,
                        false,
                        null,
                        "/layers/{id}/compare?from=1&to=draft"),
                // People: technicians, qualifications, layer tasks and the competence matrix.
                new Case(HttpMethod.GET, "/api/v1/technicians", Kind.LIST, true, null),
                new Case(HttpMethod.POST, "/api/v1/technicians", Kind.CREATE, true, "{\"name\":\"Technician {n}\"}"),
                new Case(HttpMethod.GET, "/api/v1/technicians/{id}", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/technicians/{id}/qualifications",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"kind\":\"training\",\"name\":\"x\",\"obtainedOn\":\"2026-01-01\"}"),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/technicians/{id}/authorisations",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"taskId\":\"any\"}"),
                new Case(
                        HttpMethod.DELETE,
                        "/api/v1/technicians/{id}/authorisations/{authorisationId}",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/technicians/{id}/authorisations/any"),
                new Case(HttpMethod.GET, "/api/v1/layers/{id}/competence", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/layers/{id}/tasks",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"task\":\"Task {n}\",\"requiredScope\":\"remote access\"}"),
                new Case(HttpMethod.GET, "/api/v1/expiring", Kind.OWN_DATA, true, null),
                new Case(HttpMethod.GET, "/people", Kind.LIST, false, null),
                new Case(HttpMethod.POST, "/people", Kind.CREATE, false, "name=Technician+{n}"),
                new Case(HttpMethod.GET, "/people/{id}", Kind.FOREIGN_ID, false, null),
                new Case(
                        HttpMethod.POST,
                        "/people/{id}/qualifications",
                        Kind.FOREIGN_ID,
                        false,
                        "kind=training&name=x&obtainedOn=2026-01-01"),
                new Case(HttpMethod.POST, "/people/{id}/authorisations", Kind.FOREIGN_ID, false, "taskId=any"),
                new Case(
                        HttpMethod.POST,
                        "/people/{id}/authorisations/{authorisationId}/revoke",
                        Kind.FOREIGN_ID,
                        false,
                        "",
                        "/people/{id}/authorisations/any/revoke"),
                new Case(HttpMethod.GET, "/layers/{id}/competence", Kind.FOREIGN_ID, false, null),
                new Case(
                        HttpMethod.POST, "/layers/{id}/tasks", Kind.FOREIGN_ID, false, "task=Task+{n}&requiredScope=x"),
                new Case(HttpMethod.GET, "/expiring", Kind.OWN_DATA, false, null),
                // Assessments.
                new Case(HttpMethod.GET, "/api/v1/assessments", Kind.LIST, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/assessments",
                        Kind.FOREIGN_REFERENCE,
                        true,
                        "{\"offeringId\":\"{offering}\",\"market\":\"VN\"}"),
                new Case(HttpMethod.GET, "/api/v1/assessments/{id}", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/assessments/comparison",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/assessments/comparison?offeringId={id}"),
                new Case(
                        HttpMethod.GET,
                        "/assessments/comparison",
                        Kind.FOREIGN_ID,
                        false,
                        null,
                        "/assessments/comparison?offeringId={id}"),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/assessments/{id}/overrides",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"requirementId\":\"{own-a}\",\"result\":\"compliant\",\"reason\":\"taken\"}"),
                new Case(HttpMethod.POST, "/api/v1/assessments/{id}/sign-off", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.GET, "/api/v1/assessments/{id}/actions", Kind.FOREIGN_ID, true, null),
                new Case(HttpMethod.GET, "/api/v1/assessments/{id}/overrides", Kind.FOREIGN_ID, true, null),
                new Case(
                        HttpMethod.POST,
                        "/api/v1/assessments/{id}/actions",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"requirementId\":\"{own-a}\",\"title\":\"x\",\"dueDate\":\"2026-01-31\"}"),
                new Case(
                        HttpMethod.PATCH,
                        "/api/v1/assessments/{id}/actions/{actionId}",
                        Kind.FOREIGN_ID,
                        true,
                        "{\"status\":\"done\"}",
                        "/api/v1/assessments/{id}/actions/any"),
                new Case(
                        HttpMethod.POST,
                        "/assessments/{id}/actions",
                        Kind.FOREIGN_ID,
                        false,
                        "requirementId={own-a}&title=x&dueDate=2026-01-31"),
                new Case(
                        HttpMethod.POST,
                        "/assessments/{id}/actions/{actionId}",
                        Kind.FOREIGN_ID,
                        false,
                        "status=done",
                        "/assessments/{id}/actions/any"),
                new Case(
                        HttpMethod.GET,
                        "/api/v1/assessments/{id}/export",
                        Kind.FOREIGN_ID,
                        true,
                        null,
                        "/api/v1/assessments/{id}/export?format=xlsx"),
                new Case(HttpMethod.GET, "/assessments", Kind.LIST, false, null),
                new Case(HttpMethod.POST, "/assessments", Kind.CREATE, false, "offeringId={offering}&market=VN"),
                new Case(HttpMethod.GET, "/assessments/{id}", Kind.FOREIGN_ID, false, null),
                new Case(
                        HttpMethod.POST,
                        "/assessments/{id}/overrides",
                        Kind.FOREIGN_ID,
                        false,
                        "requirementId={own-a}&result=compliant&reason=taken"),
                new Case(HttpMethod.POST, "/assessments/{id}/sign-off", Kind.FOREIGN_ID, false, ""),
                new Case(
                        HttpMethod.GET,
                        "/assessments/{id}/export",
                        Kind.FOREIGN_ID,
                        false,
                        null,
                        "/assessments/{id}/export?format=oscal"),
                new Case(HttpMethod.GET, "/notifications", Kind.OWN_DATA, false, null),
                new Case(HttpMethod.POST, "/notifications/read", Kind.CREATE, false, ""),
                new Case(HttpMethod.GET, "/catalog/frameworks/{id}", Kind.FOREIGN_ID, false, null),
                new Case(HttpMethod.GET, "/catalog/requirements/{id}", Kind.FOREIGN_ID, false, null),
                new Case(
                        HttpMethod.POST,
                        "/catalog/requirements/{id}/review",
                        Kind.FOREIGN_ID,
                        false,
                        "verified=true&source=https://example.org/taken"),
                new Case(HttpMethod.POST, "/catalog/mappings/{id}/confirm", Kind.FOREIGN_ID, false, "back={own-a}"),
                new Case(HttpMethod.POST, "/catalog/mappings/{id}/reject", Kind.FOREIGN_ID, false, "back={own-a}"),
                new Case(HttpMethod.GET, "/catalog/mappings/{id}", Kind.FOREIGN_ID, false, null),
                new Case(
                        HttpMethod.POST,
                        "/catalog/mappings/{id}",
                        Kind.FOREIGN_ID,
                        false,
                        "relationship=EQUAL_TO&rationale=SEMANTIC&confidence=HIGH&strength=9&note=taken"),
                new Case(
                        HttpMethod.POST,
                        "/catalog/requirements/{id}/mappings",
                        Kind.FOREIGN_ID,
                        false,
                        "targetId={own-b}&relationship=EQUAL_TO&rationale=SEMANTIC"),
                new Case(
                        HttpMethod.GET,
                        "/catalog/frameworks/{id}/diff",
                        Kind.FOREIGN_ID,
                        false,
                        null,
                        "/catalog/frameworks/{id}/diff?from={id}"),
                new Case(HttpMethod.GET, "/catalog/search", Kind.LIST, false, null, "/catalog/search?q=logging"),
                new Case(
                        HttpMethod.GET,
                        "/catalog/compare",
                        Kind.FOREIGN_ID,
                        false,
                        null,
                        "/catalog/compare?a={id}&b={id}"),
                new Case(HttpMethod.GET, "/catalog/markets/{code}", Kind.OWN_DATA, false, null, "/catalog/markets/TH"));
    }
}
