package io.serviceproof.identity.web;

import io.serviceproof.common.ConflictException;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.users.UserAccounts;
import io.serviceproof.identity.users.UserId;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's page for the organisation's users. */
@Controller
class UsersController {

    private final UserAccounts accounts;

    UsersController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping("/users")
    String list(Model model) {
        model.addAttribute("users", accounts.list());
        if (!model.containsAttribute("userForm")) {
            model.addAttribute("userForm", new UserForm());
        }
        return "users/list";
    }

    @GetMapping("/users/{id}")
    String detail(@PathVariable UserId id, Model model) {
        model.addAttribute("user", accounts.get(id));
        model.addAttribute("roles", Role.values());
        return "users/detail";
    }

    @PostMapping("/users")
    String create(
            @Valid @ModelAttribute("userForm") UserForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                accounts.create(form.toCommand());
                redirect.addFlashAttribute("notice", "users.created");
                return "redirect:/users";
            } catch (ConflictException duplicate) {
                errors.rejectValue("email", "users.email.taken");
            }
        }
        return list(model);
    }

    @PostMapping("/users/{id}/role")
    String changeRole(@PathVariable UserId id, @RequestParam Role role, RedirectAttributes redirect) {
        try {
            accounts.changeRole(id, role);
            redirect.addFlashAttribute("notice", "users.roleChanged");
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("problem", "users.roleChange.refused");
        }
        return "redirect:/users/" + id;
    }

    @PostMapping("/users/{id}/deactivate")
    String deactivate(@PathVariable UserId id, RedirectAttributes redirect) {
        try {
            accounts.deactivate(id);
            redirect.addFlashAttribute("notice", "users.deactivated");
        } catch (ConflictException self) {
            redirect.addFlashAttribute("problem", "users.deactivate.self");
        }
        return "redirect:/users";
    }
}
