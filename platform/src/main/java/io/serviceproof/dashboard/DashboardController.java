package io.serviceproof.dashboard;

import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.TrailFilter;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.identity.tokens.ApiTokens;
import io.serviceproof.identity.users.UserAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    private static final int RECENT_ACTIVITY = 8;
    private static final int RECENT_CHANGES = 20;

    private final OrganisationDirectory organisations;
    private final UserAccounts users;
    private final ApiTokens tokens;
    private final UserActionTrail trail;
    private final StatusBoards boards;
    private final io.serviceproof.common.PublicHost publicHost;
    private final io.serviceproof.watch.StandardsWatch watch;
    private final PersonalBoards personal;

    DashboardController(
            OrganisationDirectory organisations,
            UserAccounts users,
            ApiTokens tokens,
            UserActionTrail trail,
            StatusBoards boards,
            io.serviceproof.common.PublicHost publicHost,
            io.serviceproof.watch.StandardsWatch watch,
            PersonalBoards personal) {
        this.personal = personal;
        this.watch = watch;
        this.boards = boards;
        this.publicHost = publicHost;
        this.organisations = organisations;
        this.users = users;
        this.tokens = tokens;
        this.trail = trail;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("organisation", organisations.current());
        model.addAttribute("actor", Tenancy.actor());
        model.addAttribute("activeUsers", users.countActive());
        model.addAttribute("activeTokens", tokens.countActive());
        model.addAttribute("board", boards.current());
        model.addAttribute("mine", personal.of(Tenancy.actor()));
        model.addAttribute("deadlines", watch.upcoming());
        model.addAttribute("pendingProposals", watch.pending());
        model.addAttribute("staleChanges", watch.stale());
        model.addAttribute("localPublicHost", publicHost.isLocal() ? publicHost.value() : null);
        // An auditor's first question is what changed: more of it, and first on the page.
        boolean auditor = Tenancy.actor().role() == io.serviceproof.identity.Role.AUDITOR;
        model.addAttribute(
                "recent",
                trail.find(new TrailFilter(null, null, null, null, 0, auditor ? RECENT_CHANGES : RECENT_ACTIVITY)));
        return "dashboard";
    }
}
