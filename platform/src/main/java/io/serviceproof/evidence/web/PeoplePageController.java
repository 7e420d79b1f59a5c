package io.serviceproof.evidence.web;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.evidence.EvidenceFilter;
import io.serviceproof.evidence.Vault;
import io.serviceproof.evidence.people.LayerTask;
import io.serviceproof.evidence.people.NewQualification;
import io.serviceproof.evidence.people.People;
import io.serviceproof.evidence.people.Qualification;
import io.serviceproof.evidence.people.Technician;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Technicians, their qualifications and authorisations, a layer's competence matrix, and what expires soon. */
@Controller
class PeoplePageController {

    private final People people;
    private final Vault vault;
    private final UserAccounts users;
    private final Clock clock;

    PeoplePageController(People people, Vault vault, UserAccounts users, Clock clock) {
        this.people = people;
        this.vault = vault;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/people")
    String list(Model model) {
        model.addAttribute("technicians", people.technicians());
        model.addAttribute(
                "users", users.list().stream().filter(UserAccount::active).toList());
        return "people/list";
    }

    @PostMapping("/people")
    String add(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String employer,
            @RequestParam(required = false) String roles,
            @RequestParam(required = false) String userId,
            RedirectAttributes redirect) {
        try {
            Technician technician = people.addTechnician(
                    name, email, employer, roles == null ? List.of() : Arrays.asList(roles.split(",")), userId);
            redirect.addFlashAttribute("notice", "people.added");
            return "redirect:/people/" + technician.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "people.error.technician");
            return "redirect:/people";
        }
    }

    @GetMapping("/people/{id}")
    String technician(@PathVariable String id, Model model) {
        Technician technician = people.technician(id);
        LocalDate today = today();
        model.addAttribute("technician", technician);
        model.addAttribute("qualifications", people.qualificationsOf(id));
        Map<String, LayerTask> tasks =
                people.allTasks().stream().collect(Collectors.toMap(LayerTask::id, Function.identity()));
        model.addAttribute("tasks", tasks);
        Map<String, String> layerNames = new LinkedHashMap<>();
        tasks.values().forEach(t -> layerNames.computeIfAbsent(t.layerId(), people::layerName));
        model.addAttribute("layerNames", layerNames);
        model.addAttribute("authorisations", people.authorisationsOf(id));
        model.addAttribute("today", today);
        return "people/technician";
    }

    @PostMapping("/people/{id}/qualifications")
    String qualify(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        people.technician(id);
        try {
            people.addQualification(
                    id,
                    new NewQualification(
                            "certification".equals(form.get("kind"))
                                    ? Qualification.Kind.CERTIFICATION
                                    : Qualification.Kind.TRAINING,
                            form.get("name"),
                            form.get("issuer"),
                            form.get("number"),
                            form.get("scope"),
                            EvidenceApiController.date("obtainedOn", form.get("obtainedOn")),
                            EvidenceApiController.date("validUntil", form.get("validUntil")),
                            form.get("evidenceId")));
            redirect.addFlashAttribute("notice", "people.qualified");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "problem",
                    "people.error." + e.fieldErrors().keySet().iterator().next());
        }
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/authorisations")
    String authorise(
            @PathVariable String id, @RequestParam(required = false) String taskId, RedirectAttributes redirect) {
        people.technician(id);
        try {
            people.authorise(id, taskId == null ? "" : taskId);
            redirect.addFlashAttribute("notice", "people.authorised");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", "people.error.authorisation");
        }
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/authorisations/{authorisationId}/revoke")
    String revoke(@PathVariable String id, @PathVariable String authorisationId, RedirectAttributes redirect) {
        people.revoke(id, authorisationId);
        redirect.addFlashAttribute("notice", "people.revoked");
        return "redirect:/people/" + id;
    }

    @GetMapping("/layers/{id}/competence")
    String competence(@PathVariable String id, Model model) {
        model.addAttribute("layerId", id);
        model.addAttribute("layerName", people.layerName(id));
        model.addAttribute("matrix", people.matrix(id, today()));
        return "people/competence";
    }

    @PostMapping("/layers/{id}/tasks")
    String addTask(
            @PathVariable String id,
            @RequestParam(required = false) String task,
            @RequestParam(required = false) String requiredScope,
            RedirectAttributes redirect) {
        people.layerName(id);
        try {
            people.addTask(id, task, requiredScope);
            redirect.addFlashAttribute("notice", "people.taskAdded");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", "people.error.task");
        }
        return "redirect:/layers/" + id + "/competence";
    }

    @GetMapping("/expiring")
    String expiring(@RequestParam(defaultValue = "30") int days, Model model) {
        int window = List.of(30, 60, 90).contains(days) ? days : 30;
        model.addAttribute("days", window);
        model.addAttribute(
                "evidence", vault.find(new EvidenceFilter(null, null, today().plusDays(window), null, null)));
        model.addAttribute("qualifications", people.endingWithin(window));
        model.addAttribute(
                "technicians",
                people.technicians().stream().collect(Collectors.toMap(Technician::id, Technician::name)));
        model.addAttribute("today", today());
        return "people/expiring";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
