package io.serviceproof.watch;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The standards watch of the acting organisation: tracked items, feeds, proposals, and what an
 * accepted change makes stale. Accepting (or recording by hand) a change hands it to
 * {@link ChangeFollowUp}, which adds the actions and sends the notices.
 */
@Service
public class StandardsWatch {

    /** How far ahead the dashboard looks for deadlines. */
    public static final int UPCOMING_DAYS = 180;

    /** The fields of a tracked item a person enters (or confirms, when accepting a proposal). */
    public record ItemFields(
            ItemKind kind,
            String title,
            String framework,
            String replacedBy,
            String market,
            Lifecycle lifecycle,
            LocalDate published,
            LocalDate inForce,
            LocalDate transitionDeadline,
            String source,
            String tag) {}

    /** A change and what it was found to make stale, with the actions it added. */
    public record Accepted(TrackedItem item, Impact impact, int actionsAdded, int notified) {}

    /** A deadline on the dashboard: what, when, and in which market. */
    public record Deadline(TrackedItem item, LocalDate date) {}

    /** The outcome of polling one feed. */
    public record PollResult(WatchFeed feed, int newProposals, String error) {}

    private final TrackedItemRows items;
    private final FeedRows feeds;
    private final ProposalRows proposals;
    private final FeedReader reader;
    private final WatchImpact impact;
    private final ChangeFollowUp followUp;
    private final UserActionTrail trail;
    private final Clock clock;
    private final TransactionTemplate transaction;

    StandardsWatch(
            TrackedItemRows items,
            FeedRows feeds,
            ProposalRows proposals,
            FeedReader reader,
            WatchImpact impact,
            ChangeFollowUp followUp,
            UserActionTrail trail,
            Clock clock,
            TransactionTemplate transaction) {
        this.items = items;
        this.feeds = feeds;
        this.proposals = proposals;
        this.reader = reader;
        this.impact = impact;
        this.followUp = followUp;
        this.trail = trail;
        this.clock = clock;
        this.transaction = transaction;
    }

    public List<TrackedItem> items() {
        return items.all();
    }

    public TrackedItem item(String id) {
        return items.find(id).orElseThrow(() -> new NotFoundException("Tracked item", id));
    }

    public Impact impact(String itemId) {
        return impact.of(item(itemId));
    }

    /** Proposes the old edition's confirmed mappings again on the new one, where clause ids carry over. */
    @Transactional
    public int migrateMappings(String itemId) {
        TrackedItem item = item(itemId);
        int proposed = impact.migrateMappings(item);
        trail.record(
                "watch.mappings.migrated",
                "watch-item",
                itemId,
                Phrase.of("trail.detail.mappings-proposed", proposed, item.replacedByRef()));
        return proposed;
    }

    /** Deadlines (entry into force, transition) from today to {@link #UPCOMING_DAYS} ahead, soonest first. */
    public List<Deadline> upcoming() {
        LocalDate today = today();
        return items.all().stream()
                .map(i -> new Deadline(i, i.nextDeadline(today)))
                .filter(d -> d.date() != null && !d.date().isAfter(today.plusDays(UPCOMING_DAYS)))
                .sorted(Comparator.comparing(Deadline::date))
                .toList();
    }

    /** An accepted change and what it still makes stale, for the dashboard. */
    public record Stale(TrackedItem item, Impact impact) {}

    /**
     * Accepted changes (from a feed or recorded by hand) that still make something stale: an
     * assessment, evidence or a certificate resting on the old edition.
     */
    public List<Stale> stale() {
        return items.all().stream()
                .filter(i -> i.acceptedAt() != null)
                .map(i -> new Stale(i, impact.of(i)))
                .filter(s -> !s.impact().assessments().isEmpty()
                        || !s.impact().evidence().isEmpty()
                        || !s.impact().certificates().isEmpty())
                .toList();
    }

    /** Records a change by hand: it is accepted by the person who records it. */
    @Transactional
    public Accepted track(ItemFields fields) {
        TrackedItem item = newItem(null, fields, "manual");
        items.insert(item);
        trail.record("watch.item.tracked", "watch-item", item.id(), item.title());
        return applied(item);
    }

    public List<WatchFeed> feeds() {
        return feeds.all();
    }

    @Transactional
    public WatchFeed addFeed(String name, String url) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new InvalidInputException("name", "a name of up to 200 characters");
        }
        if (url == null || url.isBlank() || url.strip().length() > 2000) {
            throw new InvalidInputException("url", "an http or https address of up to 2,000 characters");
        }
        String address = reader.checkAddress(url).toString();
        if (feeds.exists(address)) {
            throw new ConflictException("This feed is already watched");
        }
        WatchFeed feed =
                new WatchFeed(UUID.randomUUID().toString(), name.strip(), address, null, null, clock.instant());
        feeds.insert(feed);
        trail.record("watch.feed.added", "watch-feed", feed.id(), feed.name() + " " + feed.url());
        return feed;
    }

    @Transactional
    public void removeFeed(String id) {
        WatchFeed feed = feed(id);
        proposals.deleteOpen(id);
        feeds.delete(id);
        trail.record("watch.feed.removed", "watch-feed", id, feed.name());
    }

    public WatchFeed feed(String id) {
        return feeds.find(id).orElseThrow(() -> new NotFoundException("Feed", id));
    }

    /**
     * Fetches one feed and turns each entry not seen before into a proposal. Fetching happens
     * outside any transaction; a feed that cannot be read keeps its proposals and records why.
     */
    public PollResult poll(String feedId) {
        WatchFeed feed = feed(feedId);
        Instant now = clock.instant();
        try {
            List<FeedEntry> entries = reader.read(feed.url());
            Integer stored = transaction.execute(status -> store(feed, entries, now));
            return new PollResult(feed(feedId), stored == null ? 0 : stored, null);
        } catch (FeedReader.FeedUnreadable e) {
            String error = "The feed " + e.getMessage() + ".";
            transaction.executeWithoutResult(status -> feeds.polled(feed.id(), now, error));
            return new PollResult(feed(feedId), 0, error);
        }
    }

    private int store(WatchFeed feed, List<FeedEntry> entries, Instant now) {
        int added = 0;
        for (FeedEntry entry : entries) {
            boolean fresh = proposals.insertIfNew(new Proposal(
                    UUID.randomUUID().toString(),
                    feed.id(),
                    feed.name(),
                    entry.id(),
                    entry.title(),
                    entry.link(),
                    entry.published(),
                    entry.summary() == null ? "" : entry.summary(),
                    Proposal.Status.PROPOSED,
                    null,
                    null,
                    null,
                    null,
                    now));
            added += fresh ? 1 : 0;
        }
        feeds.polled(feed.id(), now, null);
        return added;
    }

    public List<Proposal> proposals() {
        return proposals.all();
    }

    /** How many proposals wait for a decision. */
    public long pending() {
        return proposals.all().stream()
                .filter(p -> p.status() == Proposal.Status.PROPOSED)
                .count();
    }

    public Proposal proposal(String id) {
        return proposals.find(id).orElseThrow(() -> new NotFoundException("Proposal", id));
    }

    /** Accepts a proposal as a tracked change described by {@code fields}; refused if already decided. */
    @Transactional
    public Accepted accept(String proposalId, ItemFields fields) {
        Proposal proposal = proposal(proposalId);
        ItemFields withSource = fields.source() == null || fields.source().isBlank()
                ? new ItemFields(
                        fields.kind(),
                        fields.title(),
                        fields.framework(),
                        fields.replacedBy(),
                        fields.market(),
                        fields.lifecycle(),
                        fields.published(),
                        fields.inForce(),
                        fields.transitionDeadline(),
                        proposal.link() != null ? proposal.link() : proposal.feedName() + ": " + proposal.title(),
                        fields.tag())
                : fields;
        TrackedItem item = newItem(null, withSource, "feed");
        if (!proposals.decide(
                proposalId, Proposal.Status.ACCEPTED, Tenancy.actor().name(), clock.instant(), null, item.id())) {
            throw new ConflictException(
                    "This proposal was already " + proposal.status().token());
        }
        items.insert(item);
        trail.record("watch.proposal.accepted", "watch-proposal", proposalId, proposal.title());
        return applied(item);
    }

    @Transactional
    public Proposal dismiss(String proposalId, String reason) {
        Proposal proposal = proposal(proposalId);
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            throw new InvalidInputException("reason", "say why it does not concern you (up to 1,000 characters)");
        }
        if (!proposals.decide(
                proposalId, Proposal.Status.DISMISSED, Tenancy.actor().name(), clock.instant(), reason.strip(), null)) {
            throw new ConflictException(
                    "This proposal was already " + proposal.status().token());
        }
        trail.record(
                "watch.proposal.dismissed", "watch-proposal", proposalId, proposal.title() + ": " + reason.strip());
        return proposal(proposalId);
    }

    /** Installs a shipped item under its key unless the organisation already has it. */
    void install(String key, ItemFields fields) {
        if (items.keys().contains(key)) {
            return;
        }
        items.insert(newItem(key, fields, "library"));
    }

    private Accepted applied(TrackedItem item) {
        ChangeFollowUp.Done done = followUp.follow(item, today());
        return new Accepted(item, done.impact(), done.actionsAdded(), done.notified());
    }

    private TrackedItem newItem(String key, ItemFields fields, String origin) {
        List<String> problems = new ArrayList<>();
        if (fields.kind() == null) {
            throw new InvalidInputException("kind", "one of " + tokens(ItemKind.values()));
        }
        if (fields.lifecycle() == null) {
            throw new InvalidInputException("lifecycle", "one of draft, published, in-force, superseded, withdrawn");
        }
        if (fields.title() == null
                || fields.title().isBlank()
                || fields.title().strip().length() > 500) {
            throw new InvalidInputException("title", "say what changed (up to 500 characters)");
        }
        for (String reference : new String[] {fields.framework(), fields.replacedBy()}) {
            if (reference != null
                    && !reference.isBlank()
                    && !reference.strip().matches("[a-z0-9][a-z0-9.-]*@[A-Za-z0-9.:-]+")) {
                problems.add(reference);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    "framework", "a framework reference is key@edition, e.g. iso-iec-27018@2019");
        }
        String tag = fields.tag() == null || fields.tag().isBlank()
                ? "S"
                : fields.tag().strip().toUpperCase();
        if (!Set.of("P", "S", "C", "W", "M", "NF").contains(tag)) {
            throw new InvalidInputException("tag", "one of P, S, C, W, M, NF");
        }
        if (fields.source() == null
                || fields.source().isBlank()
                || fields.source().strip().length() > 1000) {
            throw new InvalidInputException("source", "where this comes from: a URL or a document id");
        }
        boolean accepted = !"library".equals(origin);
        return new TrackedItem(
                UUID.randomUUID().toString(),
                key,
                fields.kind(),
                fields.title().strip(),
                blankToNull(fields.framework()),
                blankToNull(fields.replacedBy()),
                blankToNull(fields.market()) == null
                        ? null
                        : fields.market().strip().toUpperCase(),
                fields.lifecycle(),
                fields.published(),
                fields.inForce(),
                fields.transitionDeadline(),
                fields.source().strip(),
                tag,
                origin,
                accepted ? Tenancy.actor().name() : null,
                accepted ? clock.instant() : null,
                clock.instant());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String tokens(ItemKind[] kinds) {
        return String.join(
                ", ", java.util.Arrays.stream(kinds).map(ItemKind::token).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
