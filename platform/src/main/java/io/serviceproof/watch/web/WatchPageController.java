package io.serviceproof.watch.web;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.web.Phrases;
import io.serviceproof.watch.ItemKind;
import io.serviceproof.watch.Lifecycle;
import io.serviceproof.watch.StandardsWatch;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The standards watch page: upcoming deadlines, proposals to accept or dismiss, tracked items and
 * feeds; and one item with what it makes stale. A refused form says why (in the visitor's
 * language, with the field's own message) and changes nothing.
 */
@Controller
class WatchPageController {

    private final Phrases phrases;

    private final StandardsWatch watch;

    WatchPageController(StandardsWatch watch, Phrases phrases) {
        this.phrases = phrases;
        this.watch = watch;
    }

    @GetMapping("/watch")
    String page(Model model) {
        model.addAttribute("upcoming", watch.upcoming());
        model.addAttribute("proposals", watch.proposals());
        model.addAttribute("items", watch.items());
        model.addAttribute("feeds", watch.feeds());
        model.addAttribute("kinds", ItemKind.values());
        model.addAttribute("lifecycles", Lifecycle.values());
        return "watch/index";
    }

    @GetMapping("/watch/items/{id}")
    String item(@PathVariable String id, Model model) {
        model.addAttribute("item", watch.item(id));
        model.addAttribute("impact", watch.impact(id));
        return "watch/item";
    }

    @PostMapping("/watch/items/{id}/migrate-mappings")
    String migrateMappings(@PathVariable String id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("count", watch.migrateMappings(id));
            redirect.addFlashAttribute("notice", "watch.migrated");
        } catch (InvalidInputException e) {
            refused(redirect, phrases.problem(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/watch/items/" + id;
    }

    @PostMapping("/watch/feeds")
    String addFeed(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String url,
            RedirectAttributes redirect) {
        return attempt(redirect, "watch.feed.added", () -> watch.addFeed(name, url), "#feeds");
    }

    @PostMapping("/watch/feeds/{id}/poll")
    String poll(@PathVariable String id, RedirectAttributes redirect) {
        StandardsWatch.PollResult result = watch.poll(id);
        if (result.error() != null) {
            redirect.addFlashAttribute("problem", "watch.feed.unreadable");
            redirect.addFlashAttribute("detail", result.error());
        } else {
            redirect.addFlashAttribute("notice", "watch.feed.polled");
            redirect.addFlashAttribute("count", result.newProposals());
        }
        return "redirect:/watch#proposals";
    }

    @PostMapping("/watch/feeds/{id}/remove")
    String removeFeed(@PathVariable String id, RedirectAttributes redirect) {
        return attempt(redirect, "watch.feed.removed", () -> watch.removeFeed(id), "#feeds");
    }

    @PostMapping("/watch/proposals/{id}/accept")
    String accept(@PathVariable String id, WatchRequests.ItemRequest request, RedirectAttributes redirect) {
        try {
            StandardsWatch.Accepted accepted = watch.accept(id, request.fields());
            redirect.addFlashAttribute("notice", "watch.accepted");
            redirect.addFlashAttribute("count", accepted.actionsAdded());
            return "redirect:/watch/items/" + accepted.item().id();
        } catch (InvalidInputException | ConflictException e) {
            refused(redirect, phrases.problem(e, LocaleContextHolder.getLocale()));
            return "redirect:/watch#proposal-" + id;
        }
    }

    @PostMapping("/watch/proposals/{id}/dismiss")
    String dismiss(
            @PathVariable String id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return attempt(redirect, "watch.dismissed", () -> watch.dismiss(id, reason), "#proposals");
    }

    @PostMapping("/watch/items")
    String track(WatchRequests.ItemRequest request, RedirectAttributes redirect) {
        try {
            StandardsWatch.Accepted accepted = watch.track(request.fields());
            redirect.addFlashAttribute("notice", "watch.accepted");
            redirect.addFlashAttribute("count", accepted.actionsAdded());
            return "redirect:/watch/items/" + accepted.item().id();
        } catch (InvalidInputException e) {
            refused(redirect, phrases.problem(e, LocaleContextHolder.getLocale()));
            return "redirect:/watch#track";
        }
    }

    private String attempt(RedirectAttributes redirect, String notice, Runnable action, String anchor) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException | ConflictException e) {
            refused(redirect, phrases.problem(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/watch" + anchor;
    }

    private static void refused(RedirectAttributes redirect, String detail) {
        redirect.addFlashAttribute("problem", "watch.refused");
        redirect.addFlashAttribute("detail", detail);
    }
}
