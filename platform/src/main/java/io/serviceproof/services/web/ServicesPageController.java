package io.serviceproof.services.web;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.UnprocessableDocumentException;
import io.serviceproof.evidence.EvidenceFilter;
import io.serviceproof.evidence.LinkTarget;
import io.serviceproof.evidence.Vault;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import io.serviceproof.services.LayerTemplates;
import io.serviceproof.services.LayerVersion;
import io.serviceproof.services.Offering;
import io.serviceproof.services.Offerings;
import io.serviceproof.services.ServiceLayer;
import io.serviceproof.services.content.ContentJson;
import io.serviceproof.services.content.DataFlowSvg;
import io.serviceproof.services.content.LayerContent;
import io.serviceproof.services.content.Rates;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Offerings and service layers in the browser: the offering with its layers, a layer's draft as a
 * readable document (SLA table, data-flow diagram with cross-border flows and the laws they engage,
 * validation rates with intervals), its YAML editor, publication, versions and comparison.
 */
@Controller
class ServicesPageController {

    private final Offerings offerings;
    private final LayerTemplates templates;
    private final Catalog catalog;
    private final UserAccounts users;
    private final Vault vault;
    private final io.serviceproof.services.ApiContracts contracts;

    ServicesPageController(
            Offerings offerings,
            LayerTemplates templates,
            Catalog catalog,
            UserAccounts users,
            Vault vault,
            io.serviceproof.services.ApiContracts contracts) {
        this.offerings = offerings;
        this.templates = templates;
        this.catalog = catalog;
        this.users = users;
        this.vault = vault;
        this.contracts = contracts;
    }

    @GetMapping("/offerings")
    String list(Model model) {
        model.addAttribute("offerings", offerings.offerings());
        model.addAttribute("markets", catalog.markets());
        return "services/offerings";
    }

    @PostMapping("/offerings")
    String create(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String hardware,
            @RequestParam(name = "markets", required = false) List<String> markets,
            RedirectAttributes redirect) {
        try {
            Offering offering = offerings.createOffering(name, description, hardware, markets);
            redirect.addFlashAttribute("notice", "services.offering.created");
            return "redirect:/offerings/" + offering.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "services.error.offering");
            return "redirect:/offerings";
        }
    }

    @GetMapping("/offerings/{id}")
    String offering(@PathVariable String id, Model model) {
        model.addAttribute("offering", offerings.offering(id));
        model.addAttribute("layers", offerings.layers(id));
        model.addAttribute("templates", templates.all());
        model.addAttribute(
                "users", users.list().stream().filter(UserAccount::active).toList());
        return "services/offering";
    }

    @PostMapping("/offerings/{id}/layers")
    String addLayer(
            @PathVariable String id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String template,
            @RequestParam(required = false) String ownerId,
            RedirectAttributes redirect) {
        offerings.offering(id);
        try {
            ServiceLayer layer = offerings.createLayer(id, name, null, template, ownerId);
            redirect.addFlashAttribute("notice", "services.layer.created");
            return "redirect:/layers/" + layer.id();
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", "services.error.layer");
            return "redirect:/offerings/" + id;
        }
    }

    @GetMapping("/layers/{id}")
    String layer(@PathVariable String id, Model model) {
        ServiceLayer layer = offerings.layer(id);
        model.addAttribute("layer", layer);
        model.addAttribute("offering", offerings.offering(layer.offeringId()));
        model.addAttribute("problems", offerings.problems(layer.draft()));
        model.addAttribute("versions", offerings.versions(id));
        model.addAttribute("evidence", vault.find(new EvidenceFilter(null, null, null, LinkTarget.SERVICE_LAYER, id)));
        model.addAttribute("contracts", contracts.contracts(id));
        document(model, layer, layer.draft());
        return "services/layer";
    }

    @GetMapping("/layers/{id}/versions/{version}")
    String version(@PathVariable String id, @PathVariable int version, Model model) {
        ServiceLayer layer = offerings.layer(id);
        LayerVersion found = offerings.version(id, version);
        model.addAttribute("layer", layer);
        model.addAttribute("offering", offerings.offering(layer.offeringId()));
        model.addAttribute("version", found);
        document(model, layer, ContentJson.fromJson(found.canonicalJson()));
        return "services/version";
    }

    private void document(Model model, ServiceLayer layer, LayerContent content) {
        model.addAttribute("doc", content);
        model.addAttribute("crossBorder", offerings.crossBorderFlows(layer, content));
        model.addAttribute("diagram", DataFlowSvg.render(content.dataFlow()));
        Rates rates = content.validation() == null || content.validation().confusionMatrix() == null
                ? null
                : Rates.of(content.validation().confusionMatrix());
        model.addAttribute("rates", rates);
        model.addAttribute(
                "validationChecks",
                io.serviceproof.services.content.ValidationCheck.of(
                        rates, content.sla().slos()));
    }

    @GetMapping("/layers/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        ServiceLayer layer = offerings.layer(id);
        model.addAttribute("layer", layer);
        model.addAttribute("yaml", ContentJson.toYaml(layer.draft()));
        return "services/edit";
    }

    @PostMapping("/layers/{id}/draft")
    String saveDraft(@PathVariable String id, @RequestParam String yaml, Model model, RedirectAttributes redirect) {
        ServiceLayer layer = offerings.layer(id);
        try {
            offerings.saveDraft(id, ContentJson.fromYaml(yaml));
        } catch (UnprocessableDocumentException e) {
            model.addAttribute("layer", layer);
            model.addAttribute("yaml", yaml);
            model.addAttribute("errors", e.problems());
            return "services/edit";
        }
        redirect.addFlashAttribute("notice", "services.draft.saved");
        return "redirect:/layers/" + id;
    }

    @PostMapping("/layers/{id}/publish")
    String publish(@PathVariable String id, RedirectAttributes redirect) {
        offerings.layer(id);
        try {
            LayerVersion version = offerings.publish(id);
            redirect.addFlashAttribute("notice", "services.published");
            return "redirect:/layers/" + id + "/versions/" + version.version();
        } catch (UnprocessableDocumentException e) {
            redirect.addFlashAttribute("problem", "services.error.publishProblems");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", "services.error.unchanged");
        }
        return "redirect:/layers/" + id;
    }

    @PostMapping("/layers/{id}/api-contracts")
    String uploadContract(
            @PathVariable String id,
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            RedirectAttributes redirect) {
        offerings.layer(id);
        try {
            var uploaded = contracts.upload(id, ApiContractsApiController.text(file));
            redirect.addFlashAttribute(
                    "notice",
                    uploaded.changes().breaking() ? "services.contract.breaking" : "services.contract.uploaded");
        } catch (UnprocessableDocumentException e) {
            redirect.addFlashAttribute("problem", "services.error.contract");
            redirect.addFlashAttribute("contractErrors", e.problems());
        }
        return "redirect:/layers/" + id;
    }

    @PostMapping("/layers/{id}/openslo")
    String importOpenSlo(
            @PathVariable String id,
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            RedirectAttributes redirect) {
        offerings.layer(id);
        try {
            offerings.replaceSlos(
                    id, io.serviceproof.services.content.OpenSlo.read(ApiContractsApiController.text(file)));
            redirect.addFlashAttribute("notice", "services.openslo.imported");
        } catch (UnprocessableDocumentException e) {
            redirect.addFlashAttribute("problem", "services.error.openslo");
            redirect.addFlashAttribute("contractErrors", e.problems());
        }
        return "redirect:/layers/" + id;
    }

    @GetMapping("/layers/{id}/api-contracts/{version}/diff")
    String contractDiff(@PathVariable String id, @PathVariable int version, @RequestParam int from, Model model) {
        model.addAttribute("layer", offerings.layer(id));
        model.addAttribute("from", contracts.contract(id, from));
        model.addAttribute("to", contracts.contract(id, version));
        model.addAttribute("diff", contracts.diff(id, from, version));
        return "services/contract-diff";
    }

    @GetMapping("/layers/{id}/compare")
    String compare(@PathVariable String id, @RequestParam String from, @RequestParam String to, Model model) {
        ServiceLayer layer = offerings.layer(id);
        model.addAttribute("layer", layer);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute(
                "changes",
                offerings.compare(
                        id,
                        ServicesApiController.versionNumber("from", from),
                        ServicesApiController.versionNumber("to", to)));
        return "services/compare";
    }
}
