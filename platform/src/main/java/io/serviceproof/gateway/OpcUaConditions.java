package io.serviceproof.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which transitions an OPC UA condition event reports. A condition event (OPC UA Part 9) carries a
 * snapshot of its condition's states, not what changed, so the gateway remembers each condition's
 * last snapshot and compares: active after inactive is a raise, inactive after active a clear,
 * acknowledged or confirmed after not is an acknowledgement or confirmation.
 *
 * <p>A condition not seen before (the gateway just started) is read from its snapshot alone: active is
 * raised (and acknowledged or confirmed if it already is), inactive is cleared. So the clear of an
 * alarm raised before a restart is not lost; an acknowledgement of an already inactive alarm arriving
 * first after a restart is not reported, because the snapshot cannot tell it from the resting state.
 */
final class OpcUaConditions {

    /** The transitions a configuration can map to event types, by the names gateway.yaml uses. */
    enum Transition {
        RAISED("raised"),
        CLEARED("cleared"),
        ACKNOWLEDGED("acknowledged"),
        CONFIRMED("confirmed");

        final String key;

        Transition(String key) {
            this.key = key;
        }

        static Transition of(String key) {
            for (Transition transition : values()) {
                if (transition.key.equals(key)) {
                    return transition;
                }
            }
            return null;
        }
    }

    /**
     * One snapshot of a condition's states; {@code acknowledged} and {@code confirmed} are null for a
     * condition without that state (not every alarm needs acknowledging, few need confirming).
     */
    record State(boolean active, Boolean acknowledged, Boolean confirmed) {}

    /** Conditions remembered; a machine has a fixed set, so this bound is only against a runaway server. */
    static final int MAX_CONDITIONS = 10_000;

    private final Map<String, State> last = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > MAX_CONDITIONS;
        }
    };

    /** Whether this condition has been followed (seen at or above an alarm's minimum severity). */
    synchronized boolean followed(String condition) {
        return last.containsKey(condition);
    }

    /** The transitions from the condition's last snapshot to {@code now}, which becomes its last. */
    synchronized List<Transition> next(String condition, State now) {
        State before = last.put(condition, now);
        List<Transition> transitions = new ArrayList<>(2);
        boolean raised = now.active() && (before == null || !before.active());
        if (raised) {
            transitions.add(Transition.RAISED);
        } else if (!now.active() && (before == null || before.active())) {
            transitions.add(Transition.CLEARED);
        }
        // A raise resets acknowledgement and confirmation (Part 9), so one seen together with a raise
        // happened after it, between two events the gateway was sent.
        boolean unseen = before == null;
        if (became(now.acknowledged(), unseen ? null : before.acknowledged(), unseen, now.active(), raised)) {
            transitions.add(Transition.ACKNOWLEDGED);
        }
        if (became(now.confirmed(), unseen ? null : before.confirmed(), unseen, now.active(), raised)) {
            transitions.add(Transition.CONFIRMED);
        }
        return transitions;
    }

    private static boolean became(Boolean now, Boolean before, boolean unseen, boolean active, boolean raised) {
        if (!Boolean.TRUE.equals(now)) {
            return false;
        }
        return unseen ? active : raised || !Boolean.TRUE.equals(before);
    }
}
