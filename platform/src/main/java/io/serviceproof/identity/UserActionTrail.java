package io.serviceproof.identity;

import io.serviceproof.common.Phrase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records who did what, and when, in the acting organisation. Callers record inside the same
 * transaction as the change itself, so a change without its trail line cannot be committed; each
 * line is also announced as {@link TrailEntryRecorded} (the ledger appends it to the log).
 */
@Service
public class UserActionTrail {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TrailEntries entries;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserActionTrail(TrailEntries entries, ApplicationEventPublisher events, Clock clock) {
        this.entries = entries;
        this.events = events;
        this.clock = clock;
    }

    /** Records an action of the current actor. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String targetType, String targetId, String detail) {
        append(Tenancy.actor(), action, targetType, targetId, detail, null);
    }

    /**
     * Records an action whose detail the product words (not only entered text): the trail keeps the
     * phrase for readers in other languages, and the log commits to its English.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String targetType, String targetId, Phrase detail) {
        append(Tenancy.actor(), action, targetType, targetId, detail.english(), detail);
    }

    /** Records an action of an actor that is not (yet) the current one, e.g. a failed sign-in. */
    @Transactional
    public void recordAs(Actor actor, String action, String targetType, String targetId, String detail) {
        append(actor, action, targetType, targetId, detail, null);
    }

    /** {@link #recordAs(Actor, String, String, String, String)} with a detail the product words. */
    @Transactional
    public void recordAs(Actor actor, String action, String targetType, String targetId, Phrase detail) {
        append(actor, action, targetType, targetId, detail.english(), detail);
    }

    public List<TrailEntry> find(TrailFilter filter) {
        return entries.find(filter);
    }

    public List<String> actions() {
        return entries.distinctActions();
    }

    private void append(Actor actor, String action, String targetType, String targetId, String detail, Phrase phrase) {
        TrailEntry entry = new TrailEntry(
                UUID.randomUUID().toString(),
                // Stored to the millisecond; the log's copy must hash the very same value.
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                actor.kind(),
                actor.id(),
                actor.name(),
                action,
                targetType,
                targetId,
                detail == null ? "" : detail,
                remoteAddress(),
                salt(),
                phrase);
        entries.append(actor.organisationId(), entry);
        events.publishEvent(new TrailEntryRecorded(actor.organisationId(), entry));
    }

    private static String salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    private static String remoteAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr()
                : null;
    }
}
