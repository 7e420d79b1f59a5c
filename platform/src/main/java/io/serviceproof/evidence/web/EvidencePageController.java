package io.serviceproof.evidence.web;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Framework;
import io.serviceproof.catalog.Requirement;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.PayloadTooLargeException;
import io.serviceproof.common.UnprocessableDocumentException;
import io.serviceproof.evidence.EvidenceDetail;
import io.serviceproof.evidence.EvidenceFields;
import io.serviceproof.evidence.EvidenceFilter;
import io.serviceproof.evidence.EvidenceLink;
import io.serviceproof.evidence.EvidenceStatus;
import io.serviceproof.evidence.LinkRequest;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Vault;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evidence pages: the list with its filters (type, status, what expires in 30/60/90 days, what
 * supports one requirement), the upload form, and one item with its versions, review and links.
 * A rejected upload or action says why in the reader's language and changes nothing.
 */
@Controller
class EvidencePageController {

    private final Vault vault;
    private final Catalog catalog;
    private final UserAccounts users;
    private final Clock clock;

    EvidencePageController(Vault vault, Catalog catalog, UserAccounts users, Clock clock) {
        this.vault = vault;
        this.catalog = catalog;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/evidence")
    String list(
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "expiring", required = false) Integer expiring,
            @RequestParam(name = "requirement", required = false) String requirement,
            Model model) {
        EvidenceStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = EvidenceStatus.fromToken(status);
            } catch (IllegalArgumentException e) {
                wanted = null;
            }
        }
        int days = expiring == null ? 0 : Math.max(0, Math.min(expiring, 3660));
        String requirementId = requirement == null || requirement.isBlank()
                ? null
                : catalog.requirement(requirement).id();
        model.addAttribute(
                "items",
                vault.find(new EvidenceFilter(
                        type == null || type.isBlank() ? null : type,
                        wanted,
                        days == 0 ? null : today().plusDays(days),
                        requirementId == null ? null : LinkTarget.REQUIREMENT,
                        requirementId)));
        model.addAttribute("type", type);
        model.addAttribute("status", status);
        model.addAttribute("expiring", days);
        if (requirementId != null) {
            Requirement r = catalog.requirement(requirementId);
            model.addAttribute("requirement", r);
            model.addAttribute("requirementFramework", catalog.framework(r.frameworkId()));
        }
        model.addAttribute("statuses", EvidenceStatus.values());
        model.addAttribute("today", today());
        return "evidence/list";
    }

    @GetMapping("/evidence/new")
    String form(@RequestParam(name = "requirement", required = false) String requirement, Model model) {
        model.addAttribute("form", new LinkedHashMap<String, String>(Map.of("effectiveDate", today().toString())));
        // The evidence list links here with an empty requirement when none is chosen: that is "none".
        if (requirement != null && !requirement.isBlank()) {
            Requirement r = catalog.requirement(requirement);
            model.addAttribute(
                    "form",
                    new LinkedHashMap<>(Map.of(
                            "effectiveDate", today().toString(),
                            "framework", r.frameworkId(),
                            "ref", r.refId())));
        }
        return formPage(model);
    }

    private String formPage(Model model) {
        model.addAttribute(
                "users", users.list().stream().filter(UserAccount::active).toList());
        model.addAttribute("frameworks", frameworks());
        model.addAttribute("maxBytes", vault.maxBytes());
        return "evidence/new";
    }

    @PostMapping("/evidence")
    String register(
            @RequestParam("file") MultipartFile file,
            @RequestParam Map<String, String> fields,
            Model model,
            RedirectAttributes redirect) {
        Optional<String> problem = Optional.empty();
        try {
            List<LinkRequest> links = new ArrayList<>();
            String ref = fields.getOrDefault("ref", "").strip();
            if (!ref.isEmpty()) {
                links.add(new LinkRequest(LinkTarget.REQUIREMENT, requirementByRef(fields.get("framework"), ref)));
            }
            EvidenceDetail detail = vault.register(
                    new EvidenceFields(
                            fields.get("title"),
                            "custom".equals(fields.get("type")) ? fields.get("customType") : fields.get("type"),
                            fields.get("description"),
                            fields.get("ownerId"),
                            EvidenceApiController.date("effectiveDate", fields.get("effectiveDate")),
                            EvidenceApiController.date("validUntil", fields.get("validUntil")),
                            fields.get("sha256"),
                            "on".equals(fields.get("submit")) || "true".equals(fields.get("submit"))),
                    EvidenceApiController.upload(file),
                    links);
            redirect.addFlashAttribute("notice", "evidence.registered");
            return "redirect:/evidence/" + detail.item().id();
        } catch (RuntimeException e) {
            problem = Optional.of(problemKey(e));
            model.addAttribute("problem", problem.get());
            model.addAttribute("form", fields);
            return formPage(model);
        }
    }

    @GetMapping("/evidence/{id}")
    String detail(@PathVariable String id, Model model) {
        EvidenceDetail detail = vault.detail(id);
        model.addAttribute("detail", detail);
        Map<String, String> linkLabels = new LinkedHashMap<>();
        Map<String, String> linkHrefs = new LinkedHashMap<>();
        for (EvidenceLink link : detail.links()) {
            String label;
            try {
                label = vault.targetLabel(link.kind(), link.targetId());
            } catch (RuntimeException gone) {
                label = link.targetId();
            }
            linkLabels.put(link.id(), label);
            linkHrefs.put(
                    link.id(),
                    link.kind() == LinkTarget.REQUIREMENT
                            ? "/catalog/requirements/" + link.targetId()
                            : "/layers/" + link.targetId());
        }
        model.addAttribute("linkLabels", linkLabels);
        model.addAttribute("linkHrefs", linkHrefs);
        model.addAttribute(
                "owner",
                detail.item().ownerId() == null
                        ? null
                        : users.list().stream()
                                .filter(u ->
                                        u.id().toString().equals(detail.item().ownerId()))
                                .findFirst()
                                .orElse(null));
        model.addAttribute("frameworks", frameworks());
        model.addAttribute("layerChoices", vault.layerChoices());
        model.addAttribute("today", today());
        model.addAttribute("counts", detail.latest().countsOn(today()));
        return "evidence/detail";
    }

    @GetMapping("/evidence/{id}/content")
    ResponseEntity<org.springframework.core.io.Resource> content(
            @PathVariable String id, @RequestParam(name = "version", required = false) Integer version) {
        // The same bytes, checks and headers as the API.
        return EvidenceApiController.download(vault.content(id, version));
    }

    @PostMapping("/evidence/{id}/versions")
    String addVersion(
            @PathVariable String id,
            @RequestParam("file") MultipartFile file,
            @RequestParam Map<String, String> fields,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "evidence.versionAdded",
                () -> vault.addVersion(
                        id,
                        new EvidenceFields(
                                null,
                                null,
                                null,
                                null,
                                EvidenceApiController.date("effectiveDate", fields.get("effectiveDate")),
                                EvidenceApiController.date("validUntil", fields.get("validUntil")),
                                fields.get("sha256"),
                                "on".equals(fields.get("submit"))),
                        EvidenceApiController.upload(file)));
    }

    @PostMapping("/evidence/{id}/submit")
    String submit(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, "evidence.submitted", () -> vault.submit(id));
    }

    @PostMapping("/evidence/{id}/approve")
    String approve(
            @PathVariable String id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, "evidence.approved", () -> vault.approve(id, comment));
    }

    @PostMapping("/evidence/{id}/reject")
    String reject(
            @PathVariable String id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, "evidence.rejected", () -> vault.reject(id, comment));
    }

    @PostMapping("/evidence/{id}/links")
    String link(
            @PathVariable String id,
            @RequestParam(required = false) String framework,
            @RequestParam(required = false) String ref,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "evidence.linked",
                () -> vault.link(
                        id, LinkTarget.REQUIREMENT, requirementByRef(framework, ref == null ? "" : ref.strip())));
    }

    /** Links the evidence to one of the organisation's service layers (its documents, SLA, data flows). */
    @PostMapping("/evidence/{id}/layer-links")
    String linkLayer(
            @PathVariable String id, @RequestParam(required = false) String layerId, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "evidence.linked",
                () -> vault.link(id, LinkTarget.SERVICE_LAYER, layerId == null ? "" : layerId.strip()));
    }

    @PostMapping("/evidence/{id}/links/{linkId}/delete")
    String unlink(@PathVariable String id, @PathVariable String linkId, RedirectAttributes redirect) {
        return act(id, redirect, "evidence.unlinked", () -> {
            vault.unlink(id, linkId);
            return null;
        });
    }

    /** Runs an action on one item; a refusal comes back to its page as a message. */
    private String act(String id, RedirectAttributes redirect, String notice, Supplier<?> action) {
        vault.detail(id);
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException
                | ConflictException
                | PayloadTooLargeException
                | UnprocessableDocumentException e) {
            redirect.addFlashAttribute("problem", problemKey(e));
        }
        return "redirect:/evidence/" + id;
    }

    private String requirementByRef(String frameworkId, String ref) {
        if (frameworkId == null || frameworkId.isBlank() || ref.isBlank()) {
            throw new InvalidInputException("targetId", "choose a framework and a clause id");
        }
        return catalog.requirements(catalog.framework(frameworkId).id()).stream()
                .filter(r -> r.refId().equalsIgnoreCase(ref))
                .findFirst()
                .map(Requirement::id)
                .orElseThrow(() -> new InvalidInputException("targetId", "no such clause id"));
    }

    /** The message key that explains a refusal; every key exists in both languages. */
    static String problemKey(RuntimeException e) {
        if (e instanceof PayloadTooLargeException
                || e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return "evidence.error.tooLarge";
        }
        if (e instanceof ConflictException) {
            return "evidence.error.state";
        }
        if (e instanceof UnprocessableDocumentException u) {
            return u.problems().stream().anyMatch(p -> p.location().equals("sha256"))
                    ? "evidence.error.digest"
                    : "evidence.error.archive";
        }
        if (e instanceof InvalidInputException invalid) {
            String field = invalid.fieldErrors().keySet().iterator().next();
            if (field.equals("file") && invalid.getMessage().contains("empty")) {
                return "evidence.error.empty";
            }
            return switch (field) {
                case "title",
                        "type",
                        "description",
                        "ownerId",
                        "effectiveDate",
                        "validUntil",
                        "sha256",
                        "file",
                        "targetId",
                        "comment" -> "evidence.error." + field;
                default -> "evidence.error.invalid";
            };
        }
        throw e;
    }

    private List<Framework> frameworks() {
        return catalog.frameworks().stream()
                .sorted(Comparator.comparing(Framework::label))
                .toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static boolean chinese() {
        return LocaleContextHolder.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage());
    }
}
