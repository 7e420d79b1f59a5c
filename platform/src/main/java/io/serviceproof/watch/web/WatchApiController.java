package io.serviceproof.watch.web;

import io.serviceproof.watch.Impact;
import io.serviceproof.watch.Proposal;
import io.serviceproof.watch.StandardsWatch;
import io.serviceproof.watch.TrackedItem;
import io.serviceproof.watch.WatchFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Standards watch",
        description = "Tracked editions, laws and transitions; feeds polled for news; proposed changes to accept or"
                + " dismiss; what an accepted change makes stale")
@RestController
@RequestMapping("/api/v1/watch")
class WatchApiController {

    private final StandardsWatch watch;

    WatchApiController(StandardsWatch watch) {
        this.watch = watch;
    }

    /** A tracked item with its kind and lifecycle as tokens. */
    record ItemResponse(
            String id,
            String key,
            String kind,
            String title,
            String framework,
            String replacedBy,
            String market,
            String lifecycle,
            LocalDate published,
            LocalDate inForce,
            LocalDate transitionDeadline,
            String source,
            String provenanceTag,
            String origin,
            String acceptedBy,
            Instant acceptedAt) {

        static ItemResponse of(TrackedItem i) {
            return new ItemResponse(
                    i.id(),
                    i.key(),
                    i.kind().token(),
                    i.title(),
                    i.frameworkRef(),
                    i.replacedByRef(),
                    i.market(),
                    i.lifecycle().token(),
                    i.publishedOn(),
                    i.inForceOn(),
                    i.transitionDeadline(),
                    i.source(),
                    i.provenanceTag(),
                    i.origin(),
                    i.acceptedBy(),
                    i.acceptedAt());
        }
    }

    record ItemDetail(ItemResponse item, Impact impact) {}

    record AcceptedResponse(ItemResponse item, Impact impact, int actionsAdded, int notified) {
        static AcceptedResponse of(StandardsWatch.Accepted a) {
            return new AcceptedResponse(ItemResponse.of(a.item()), a.impact(), a.actionsAdded(), a.notified());
        }
    }

    record DeadlineResponse(LocalDate date, ItemResponse item) {}

    @Operation(summary = "Tracked items, soonest deadline first")
    @GetMapping("/items")
    List<ItemResponse> items() {
        return watch.items().stream().map(ItemResponse::of).toList();
    }

    @Operation(summary = "One tracked item and what it makes stale")
    @GetMapping("/items/{id}")
    ItemDetail item(@PathVariable String id) {
        return new ItemDetail(ItemResponse.of(watch.item(id)), watch.impact(id));
    }

    @Operation(
            summary = "Record a change by hand",
            description = "Accepted by the caller: actions are added to open assessments that rely on the old edition")
    @PostMapping("/items")
    ResponseEntity<AcceptedResponse> track(@RequestBody WatchRequests.ItemRequest request) {
        StandardsWatch.Accepted accepted = watch.track(request.fields());
        return ResponseEntity.created(
                        URI.create("/api/v1/watch/items/" + accepted.item().id()))
                .body(AcceptedResponse.of(accepted));
    }

    record Migrated(int proposed) {}

    @Operation(
            summary =
                    "Offer the old edition's confirmed mappings again on the new edition, where clause ids carry over",
            description = "Each becomes a proposed mapping a person confirms; pairs already mapped are left alone")
    @PostMapping("/items/{id}/migrate-mappings")
    Migrated migrateMappings(@PathVariable String id) {
        return new Migrated(watch.migrateMappings(id));
    }

    @Operation(summary = "Deadlines (entry into force, transition) in the next 180 days")
    @GetMapping("/upcoming")
    List<DeadlineResponse> upcoming() {
        return watch.upcoming().stream()
                .map(d -> new DeadlineResponse(d.date(), ItemResponse.of(d.item())))
                .toList();
    }

    @Operation(summary = "Feeds polled for news")
    @GetMapping("/feeds")
    List<WatchFeed> feeds() {
        return watch.feeds();
    }

    record NewFeed(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 2000) String url) {}

    @Operation(summary = "Watch an Atom or RSS feed (http or https, outside the server's own networks)")
    @PostMapping("/feeds")
    ResponseEntity<WatchFeed> addFeed(@Valid @RequestBody NewFeed request) {
        WatchFeed feed = watch.addFeed(request.name(), request.url());
        return ResponseEntity.created(URI.create("/api/v1/watch/feeds/" + feed.id()))
                .body(feed);
    }

    @Operation(summary = "Stop watching a feed (its undecided proposals go; decisions stay)")
    @DeleteMapping("/feeds/{id}")
    ResponseEntity<Void> removeFeed(@PathVariable String id) {
        watch.removeFeed(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Poll a feed now; new entries become proposals")
    @PostMapping("/feeds/{id}/poll")
    StandardsWatch.PollResult poll(@PathVariable String id) {
        return watch.poll(id);
    }

    @Operation(summary = "Proposed changes, undecided first, with the decisions taken and why")
    @GetMapping("/proposals")
    List<Proposal> proposals() {
        return watch.proposals();
    }

    @Operation(summary = "Accept a proposal as a tracked change, described by the body")
    @PostMapping("/proposals/{id}/accept")
    AcceptedResponse accept(@PathVariable String id, @RequestBody WatchRequests.ItemRequest request) {
        return AcceptedResponse.of(watch.accept(id, request.fields()));
    }

    record Dismissal(@NotBlank @Size(max = 1000) String reason) {}

    @Operation(summary = "Dismiss a proposal, saying why")
    @PostMapping("/proposals/{id}/dismiss")
    Proposal dismiss(@PathVariable String id, @Valid @RequestBody Dismissal request) {
        return watch.dismiss(id, request.reason());
    }
}
