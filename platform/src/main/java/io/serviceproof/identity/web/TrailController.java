package io.serviceproof.identity.web;

import io.serviceproof.identity.TrailFilter;
import io.serviceproof.identity.UserActionTrail;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The trail page for owners and auditors; htmx refreshes only the table when a filter changes. */
@Controller
class TrailController {

    private static final int PAGE_SIZE = 50;

    private final UserActionTrail trail;

    TrailController(UserActionTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/trail")
    String trail(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        TrailFilter filter = new TrailFilter(
                actor,
                action,
                from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                Math.max(page, 0),
                PAGE_SIZE);
        model.addAttribute("entries", trail.find(filter));
        model.addAttribute("actions", trail.actions());
        model.addAttribute("filter", filter);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return htmx != null ? "trail/list :: entries" : "trail/list";
    }
}
