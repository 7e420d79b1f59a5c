package io.serviceproof.catalog.web;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.CatalogImports;
import io.serviceproof.catalog.Framework;
import io.serviceproof.catalog.Market;
import io.serviceproof.catalog.Requirement;
import io.serviceproof.catalog.crosswalk.Crosswalk;
import io.serviceproof.common.UnprocessableDocumentException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The standards library pages: frameworks, a framework's tree, a requirement, search, markets. */
@Controller
class CatalogPageController {

    private final Catalog catalog;
    private final CatalogImports imports;

    CatalogPageController(Catalog catalog, CatalogImports imports) {
        this.catalog = catalog;
        this.imports = imports;
    }

    @GetMapping("/catalog")
    String index(Model model) {
        model.addAttribute("frameworks", catalog.frameworks());
        model.addAttribute("markets", catalog.markets());
        model.addAttribute("chinese", chinese());
        model.addAttribute("provenanceTags", io.serviceproof.catalog.ProvenanceTag.values());
        return "catalog/index";
    }

    @PostMapping("/catalog/import")
    String importFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "edition", required = false) String edition,
            Model model,
            RedirectAttributes redirect) {
        // A refused import keeps what was typed, so fixing the file is the only thing left to do.
        model.addAttribute("importName", name);
        model.addAttribute("importEdition", edition);
        var format = CatalogImports.Format.ofFilename(file.getOriginalFilename());
        if (format.isEmpty()) {
            model.addAttribute(
                    "importErrors",
                    List.of(new UnprocessableDocumentException.Problem(
                            "file", "use a .xlsx, .csv, .yaml, .yml or .json file")));
            return index(model);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("edition", edition);
        try {
            Framework framework = imports.importFramework(CatalogApiController.bytes(file), format.get(), fields, null);
            redirect.addFlashAttribute("notice", "catalog.imported");
            // A new edition of a framework we already hold: show what changed first.
            Optional<Framework> earlier = earlierEditions(framework).stream().findFirst();
            if (earlier.isPresent()) {
                return "redirect:/catalog/frameworks/" + framework.id() + "/diff?from="
                        + earlier.get().id();
            }
            return "redirect:/catalog/frameworks/" + framework.id();
        } catch (UnprocessableDocumentException e) {
            model.addAttribute("importErrors", e.problems());
            return index(model);
        }
    }

    @GetMapping("/catalog/frameworks/{id}")
    String framework(@PathVariable String id, Model model) {
        Framework framework = catalog.framework(id);
        model.addAttribute("framework", framework);
        model.addAttribute("tree", catalog.tree(id));
        model.addAttribute("adoptions", catalog.adoptionsOf(framework));
        model.addAttribute("markets", catalog.marketsRequiring(framework, null));
        model.addAttribute(
                "others",
                catalog.frameworks().stream().filter(f -> !f.id().equals(id)).toList());
        model.addAttribute("editions", earlierEditions(framework));
        model.addAttribute("chinese", chinese());
        return "catalog/framework";
    }

    /** The other editions of the same document, newest first. */
    private List<Framework> earlierEditions(Framework framework) {
        return catalog.frameworks().stream()
                .filter(f -> f.key().equals(framework.key()) && !f.id().equals(framework.id()))
                .sorted(java.util.Comparator.comparing(Framework::edition).reversed())
                .toList();
    }

    @GetMapping("/catalog/frameworks/{id}/diff")
    String diff(@PathVariable String id, @RequestParam String from, Model model) {
        model.addAttribute("diff", catalog.diff(from, id));
        model.addAttribute("chinese", chinese());
        return "catalog/diff";
    }

    /**
     * Records (or withdraws) the signed-in person's review of a requirement against a source; a
     * review of an uncitable row or without a source is refused with the reason and changes nothing.
     */
    @PostMapping("/catalog/requirements/{id}/review")
    String review(
            @PathVariable String id,
            @RequestParam(defaultValue = "true") boolean verified,
            @RequestParam(required = false) String source,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        String trimmed = source == null || source.isBlank() ? null : source.strip();
        if (trimmed != null && trimmed.length() > 1000) {
            redirect.addFlashAttribute("problem", "catalog.review.tooLong");
        } else {
            try {
                catalog.editRequirement(id, null, null, null, verified, trimmed);
            } catch (io.serviceproof.common.InvalidInputException e) {
                redirect.addFlashAttribute("problem", "catalog.review.refused");
            }
        }
        return "redirect:/catalog/requirements/" + id;
    }

    @GetMapping("/catalog/requirements/{id}")
    String requirement(@PathVariable String id, Model model) {
        Requirement requirement = catalog.requirement(id);
        Framework framework = catalog.framework(requirement.frameworkId());
        model.addAttribute("requirement", requirement);
        model.addAttribute("framework", framework);
        model.addAttribute("mappings", catalog.mappingsOf(id));
        List<Crosswalk.Suggestion> suggestions = catalog.crosswalk().suggestionsFor(id);
        model.addAttribute("suggestions", suggestions);
        // Only the other ends of the suggestions need their titles.
        Map<String, Requirement> byId = suggestions.stream()
                .flatMap(suggestion -> java.util.stream.Stream.of(suggestion.sourceId(), suggestion.targetId()))
                .distinct()
                .collect(Collectors.toMap(Function.identity(), catalog::requirement));
        Map<String, Framework> frameworks =
                catalog.frameworks().stream().collect(Collectors.toMap(Framework::id, Function.identity()));
        model.addAttribute("requirementsById", byId);
        model.addAttribute("frameworksById", frameworks);
        model.addAttribute("adoptions", catalog.adoptionsOf(framework));
        model.addAttribute("markets", catalog.marketsRequiring(framework, requirement));
        model.addAttribute(
                "otherFrameworks",
                frameworks.values().stream()
                        .filter(f -> !f.id().equals(framework.id()))
                        .sorted(java.util.Comparator.comparing(Framework::label))
                        .toList());
        model.addAttribute("relationships", io.serviceproof.catalog.Relationship.values());
        model.addAttribute("rationales", io.serviceproof.catalog.Rationale.values());
        model.addAttribute("chinese", chinese());
        return "catalog/requirement";
    }

    @GetMapping("/catalog/search")
    String search(@RequestParam(name = "q", defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("hits", catalog.search(q, 50));
        model.addAttribute("chinese", chinese());
        return "catalog/search";
    }

    /** Without two frameworks there is nothing to compare: back to the catalog, where one picks them. */
    @GetMapping("/catalog/compare")
    String compare(@RequestParam(required = false) String a, @RequestParam(required = false) String b, Model model) {
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            return "redirect:/catalog";
        }
        model.addAttribute("a", catalog.framework(a));
        model.addAttribute("b", catalog.framework(b));
        model.addAttribute("matrix", catalog.compare(a, b));
        Map<String, Requirement> byId =
                catalog.requirements(a).stream().collect(Collectors.toMap(Requirement::id, Function.identity()));
        catalog.requirements(b).forEach(r -> byId.put(r.id(), r));
        model.addAttribute("requirementsById", byId);
        model.addAttribute("chinese", chinese());
        return "catalog/compare";
    }

    @GetMapping("/catalog/markets/{code}")
    String market(@PathVariable String code, Model model) {
        Market market = catalog.market(code);
        model.addAttribute("market", market);
        model.addAttribute("rules", catalog.rules(market));
        Map<String, Framework> byReference =
                catalog.frameworks().stream().collect(Collectors.toMap(Framework::reference, Function.identity()));
        model.addAttribute("frameworksByReference", byReference);
        model.addAttribute("chinese", chinese());
        return "catalog/market";
    }

    private static boolean chinese() {
        return LocaleContextHolder.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage());
    }
}
