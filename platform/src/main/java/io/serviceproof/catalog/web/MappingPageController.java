package io.serviceproof.catalog.web;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Confidence;
import io.serviceproof.catalog.Mapping;
import io.serviceproof.catalog.MappingChange;
import io.serviceproof.catalog.MappingEdits;
import io.serviceproof.catalog.MappingStatus;
import io.serviceproof.catalog.MappingView;
import io.serviceproof.catalog.Rationale;
import io.serviceproof.catalog.Relationship;
import io.serviceproof.catalog.Requirement;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mapping pages: one mapping with its history and an edit form, and the form on a requirement's
 * page that creates a mapping (or confirms an inferred suggestion as a direct one). Errors are
 * shown as message keys so they read in the visitor's language.
 */
@Controller
class MappingPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Catalog catalog;
    private final MappingEdits edits;

    MappingPageController(Catalog catalog, MappingEdits edits) {
        this.catalog = catalog;
        this.edits = edits;
    }

    /** One line of history with its snapshot unpacked for display. */
    record HistoryLine(Instant at, String actor, String action, Map<String, Object> state) {}

    @GetMapping("/catalog/mappings/{id}")
    String mapping(@PathVariable String id, Model model) {
        MappingView view = catalog.mapping(id);
        model.addAttribute("view", view);
        model.addAttribute(
                "history",
                catalog.history(id).stream().map(MappingPageController::line).toList());
        model.addAttribute("relationships", Relationship.values());
        model.addAttribute("rationales", Rationale.values());
        model.addAttribute("confidences", Confidence.values());
        model.addAttribute("chinese", chinese());
        return "catalog/mapping";
    }

    private static HistoryLine line(MappingChange change) {
        Map<String, Object> state = JSON.readValue(change.snapshot(), new TypeReference<Map<String, Object>>() {});
        return new HistoryLine(change.at(), change.actor(), change.action(), new java.util.TreeMap<>(state));
    }

    @PostMapping("/catalog/mappings/{id}")
    String edit(
            @PathVariable String id,
            @RequestParam Relationship relationship,
            @RequestParam Rationale rationale,
            @RequestParam(required = false) Integer strength,
            @RequestParam Confidence confidence,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        try {
            edits.edit(id, new MappingEdits.MappingFields(relationship, rationale, strength, confidence, null, note));
        } catch (InvalidInputException e) {
            model.addAttribute("problem", "catalog.mapping.error.strength");
            return mapping(id, model);
        }
        redirect.addFlashAttribute("notice", "catalog.mapping.saved");
        return "redirect:/catalog/mappings/" + id;
    }

    @PostMapping("/catalog/mappings/{id}/confirm")
    String confirm(
            @PathVariable String id,
            @RequestParam(required = false) String back,
            @RequestParam(required = false) String note) {
        edits.confirm(id, note);
        return backTo(id, back);
    }

    @PostMapping("/catalog/mappings/{id}/reject")
    String reject(
            @PathVariable String id,
            @RequestParam(required = false) String back,
            @RequestParam(required = false) String note) {
        edits.reject(id, note);
        return backTo(id, back);
    }

    /** To the requirement page the action was taken on, or to the mapping's own page. */
    private String backTo(String mappingId, String requirementId) {
        if (requirementId == null || requirementId.isBlank()) {
            return "redirect:/catalog/mappings/" + mappingId;
        }
        return "redirect:/catalog/requirements/"
                + catalog.requirement(requirementId).id();
    }

    /**
     * A new mapping from a requirement's page. The other end is named either by id (a suggestion
     * being confirmed) or by framework and clause id, as a person types it.
     */
    @PostMapping("/catalog/requirements/{id}/mappings")
    String create(
            @PathVariable String id,
            @RequestParam(required = false) String targetId,
            @RequestParam(required = false) String targetFramework,
            @RequestParam(required = false) String targetRef,
            @RequestParam Relationship relationship,
            @RequestParam Rationale rationale,
            @RequestParam(required = false) Integer strength,
            @RequestParam(defaultValue = "UNSPECIFIED") Confidence confidence,
            @RequestParam(defaultValue = "PROPOSED") MappingStatus status,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "human") String method,
            RedirectAttributes redirect) {
        Requirement source = catalog.requirement(id);
        Optional<Requirement> target = targetId != null && !targetId.isBlank()
                ? Optional.of(catalog.requirement(targetId))
                : findByRef(targetFramework, targetRef);
        if (target.isEmpty()) {
            return back(redirect, source, "catalog.mapping.error.noTarget");
        }
        if (target.get().frameworkId().equals(source.frameworkId())) {
            return back(redirect, source, "catalog.mapping.error.sameFramework");
        }
        try {
            Mapping created = edits.create(
                    source.id(),
                    target.get().id(),
                    new MappingEdits.MappingFields(relationship, rationale, strength, confidence, status, note),
                    method.equals("derived") ? "derived" : "human");
            redirect.addFlashAttribute("notice", "catalog.mapping.created");
            return "redirect:/catalog/mappings/" + created.id();
        } catch (ConflictException e) {
            return back(redirect, source, "catalog.mapping.error.exists");
        } catch (InvalidInputException e) {
            return back(redirect, source, "catalog.mapping.error.strength");
        }
    }

    private Optional<Requirement> findByRef(String frameworkId, String ref) {
        if (frameworkId == null || frameworkId.isBlank() || ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        return catalog.requirements(catalog.framework(frameworkId).id()).stream()
                .filter(r -> r.refId().equalsIgnoreCase(ref.strip()))
                .findFirst();
    }

    private static String back(RedirectAttributes redirect, Requirement source, String problem) {
        redirect.addFlashAttribute("problem", problem);
        return "redirect:/catalog/requirements/" + source.id();
    }

    private static boolean chinese() {
        return LocaleContextHolder.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage());
    }
}
