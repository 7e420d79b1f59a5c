package io.serviceproof.identity.web;

import io.serviceproof.identity.Role;
import io.serviceproof.identity.tokens.ApiTokens;
import io.serviceproof.identity.tokens.IssuedToken;
import io.serviceproof.identity.tokens.TokenId;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's page for API tokens. A new secret is rendered once, in the response that created it. */
@Controller
class TokensController {

    private final ApiTokens tokens;
    private final Clock clock;

    TokensController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping("/tokens")
    String list(Model model) {
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("now", clock.instant());
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm());
        }
        return "tokens/list";
    }

    @GetMapping("/tokens/{id}")
    String detail(@PathVariable TokenId id, Model model) {
        model.addAttribute("token", tokens.get(id));
        model.addAttribute("now", clock.instant());
        return "tokens/detail";
    }

    @PostMapping("/tokens")
    String create(@Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            IssuedToken issued = tokens.issue(form.toCommand());
            model.addAttribute("issued", issued);
            model.addAttribute("tokenForm", new TokenForm());
        }
        return list(model);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable TokenId id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("notice", "tokens.revoked");
        return "redirect:/tokens";
    }
}
