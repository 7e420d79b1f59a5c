package io.serviceproof.services;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.ledger.Appended;
import io.serviceproof.ledger.EntryDraft;
import io.serviceproof.ledger.Ledger;
import io.serviceproof.services.content.LayerContent;
import io.serviceproof.services.contract.ContractDiff;
import io.serviceproof.services.contract.OpenApiDocument;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A layer's API contracts: each upload is validated as OpenAPI 3, numbered, hashed, compared with
 * the previous one for breaking changes, logged with its digest, and referenced from the layer's
 * draft, so the next published version of the layer names the contract it documents.
 */
@Service
public class ApiContracts {

    private final ApiContractRows rows;
    private final Offerings offerings;
    private final Ledger ledger;
    private final UserActionTrail trail;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ApiContracts(
            ApiContractRows rows,
            Offerings offerings,
            Ledger ledger,
            UserActionTrail trail,
            Clock clock,
            TransactionTemplate transaction) {
        this.rows = rows;
        this.transaction = transaction;
        this.offerings = offerings;
        this.ledger = ledger;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Uploads the next version; the diff against the previous one says whether it breaks clients.
     * Parsing and diffing run before the transaction (on SQLite a transaction holds the one write
     * lock for every tenant); the write checks that no other upload came in between.
     */
    public Uploaded upload(String layerId, String text) {
        offerings.layer(layerId);
        OpenApiDocument document = OpenApiDocument.parse(text);
        List<ApiContract> before = rows.of(layerId);
        ContractDiff diff = before.isEmpty()
                ? ContractDiff.none()
                : ContractDiff.between(rows.content(layerId, before.get(0).version()), text);
        int latest = before.isEmpty() ? 0 : before.get(0).version();
        return transaction.execute(status -> store(layerId, text, document, diff, latest));
    }

    private Uploaded store(String layerId, String text, OpenApiDocument document, ContractDiff diff, int latest) {
        ServiceLayer layer = offerings.layer(layerId);
        List<ApiContract> existing = rows.of(layerId);
        if ((existing.isEmpty() ? 0 : existing.get(0).version()) != latest) {
            throw new ConflictException("Another API contract was uploaded for this layer meanwhile; upload again");
        }
        int number = latest + 1;
        String sha256 = io.serviceproof.common.Sha256.hex(text);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("layerId", layerId);
        payload.put("contractVersion", number);
        payload.put("breaking", diff.breaking());
        Appended appended = ledger.append(new EntryDraft(
                "api-contract:" + layerId + ":v" + number,
                "service-layer.api-contract-uploaded",
                clock.instant(),
                layer.code(),
                List.of(Map.of("sha256", sha256)),
                payload,
                null));
        ApiContract contract = new ApiContract(
                UUID.randomUUID().toString(),
                layerId,
                number,
                document.title(),
                document.apiVersion(),
                document.openapiVersion(),
                document.operations(),
                sha256,
                diff.breaking(),
                clock.instant(),
                Tenancy.actor().name(),
                appended.index());
        rows.insert(contract, text);
        LayerContent draft = layer.draft();
        offerings.saveDraft(
                layerId,
                new LayerContent(
                        draft.description(),
                        draft.sla(),
                        draft.dataFlow(),
                        draft.validation(),
                        draft.failureResponses(),
                        draft.evidenceItems(),
                        draft.risks(),
                        new LayerContent.ApiContractRef(number, document.title(), document.apiVersion(), sha256)));
        trail.record(
                "services.api-contract.uploaded",
                "service-layer",
                layerId,
                Phrase.of(
                        diff.breaking() ? "trail.detail.api-contract.breaking" : "trail.detail.api-contract",
                        document.title(),
                        document.apiVersion(),
                        number));
        return new Uploaded(contract, diff);
    }

    /** An upload's outcome: the stored contract and what changed from the previous one. */
    public record Uploaded(ApiContract contract, ContractDiff changes) {}

    public List<ApiContract> contracts(String layerId) {
        offerings.layer(layerId);
        return rows.of(layerId);
    }

    public ApiContract contract(String layerId, int version) {
        offerings.layer(layerId);
        return rows.find(layerId, version).orElseThrow(() -> new NotFoundException("API contract", version));
    }

    public String document(String layerId, int version) {
        contract(layerId, version);
        return rows.content(layerId, version);
    }

    public ContractDiff diff(String layerId, int from, int to) {
        return ContractDiff.between(document(layerId, from), document(layerId, to));
    }
}
