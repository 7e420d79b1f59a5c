package io.serviceproof.gateway;

import static io.serviceproof.gateway.OpcUaConditions.Transition.ACKNOWLEDGED;
import static io.serviceproof.gateway.OpcUaConditions.Transition.CLEARED;
import static io.serviceproof.gateway.OpcUaConditions.Transition.CONFIRMED;
import static io.serviceproof.gateway.OpcUaConditions.Transition.RAISED;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.gateway.OpcUaConditions.State;
import io.serviceproof.gateway.OpcUaConditions.Transition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which transitions a condition's snapshots report, for one alarm's life and for every sequence. */
class OpcUaConditionsTests {

    private final OpcUaConditions conditions = new OpcUaConditions();

    @Test
    void anAlarmsLifeIsRaisedAcknowledgedClearedAndConfirmedEachOnce() {
        assertThat(conditions.next("lens", new State(true, false, false))).containsExactly(RAISED);
        assertThat(conditions.next("lens", new State(true, false, false)))
                .as("the same snapshot again (a severity change, a refresh)")
                .isEmpty();
        assertThat(conditions.next("lens", new State(true, true, false))).containsExactly(ACKNOWLEDGED);
        assertThat(conditions.next("lens", new State(false, true, false))).containsExactly(CLEARED);
        assertThat(conditions.next("lens", new State(false, true, true))).containsExactly(CONFIRMED);
        assertThat(conditions.next("lens", new State(true, false, false))).containsExactly(RAISED);
        assertThat(conditions.next("chute", new State(true, null, null)))
                .as("another condition, one without acknowledgement")
                .containsExactly(RAISED);
    }

    @Test
    void aConditionFirstSeenIsReadFromItsSnapshotSoAClearAfterARestartIsNotLost() {
        assertThat(conditions.next("a", new State(false, false, null))).containsExactly(CLEARED);
        assertThat(conditions.next("b", new State(true, true, null))).containsExactly(RAISED, ACKNOWLEDGED);
        assertThat(conditions.next("c", new State(false, true, null)))
                .as("an acknowledgement of an inactive alarm cannot be told from rest")
                .containsExactly(CLEARED);
        assertThat(conditions.followed("a")).isTrue();
        assertThat(conditions.followed("z")).isFalse();
    }

    @Test
    void aRaiseSeenAlreadyAcknowledgedReportsTheAcknowledgementMissedBetweenEvents() {
        conditions.next("lens", new State(false, true, null));
        assertThat(conditions.next("lens", new State(true, true, null))).containsExactly(RAISED, ACKNOWLEDGED);
    }

    /**
     * Over every sequence of up to four snapshots of one condition: raises and clears alternate, the
     * last of them always says whether the condition is active now, a transition is reported only
     * into the state it names, and a snapshot repeated reports nothing.
     */
    @Test
    void overEverySequenceRaisesAndClearsAlternateAndFollowTheActiveState() {
        List<State> states = new ArrayList<>();
        for (boolean active : new boolean[] {true, false}) {
            for (Boolean acked : new Boolean[] {true, false, null}) {
                for (Boolean confirmed : new Boolean[] {true, false, null}) {
                    states.add(new State(active, acked, confirmed));
                }
            }
        }
        int sequences = 0;
        for (List<State> sequence : sequences(states, 4)) {
            OpcUaConditions fresh = new OpcUaConditions();
            Transition lastEdge = null;
            State before = null;
            for (State now : sequence) {
                List<Transition> reported = fresh.next("x", now);
                for (Transition transition : reported) {
                    if (transition == RAISED || transition == CLEARED) {
                        assertThat(transition).as("%s", sequence).isNotEqualTo(lastEdge);
                        lastEdge = transition;
                    }
                }
                assertThat(lastEdge).as("%s", sequence).isEqualTo(now.active() ? RAISED : CLEARED);
                assertThat(!reported.contains(ACKNOWLEDGED) || Boolean.TRUE.equals(now.acknowledged()))
                        .isTrue();
                assertThat(!reported.contains(CONFIRMED) || Boolean.TRUE.equals(now.confirmed()))
                        .isTrue();
                if (now.equals(before)) {
                    assertThat(reported).as("%s", sequence).isEmpty();
                }
                assertThat(reported).doesNotHaveDuplicates();
                before = now;
            }
            sequences++;
        }
        assertThat(sequences).isEqualTo(18 * 18 * 18 * 18 + 18 * 18 * 18 + 18 * 18 + 18);
    }

    @Test
    void conditionsRememberedAreBoundedTheOldestForgottenFirst() {
        for (int i = 0; i <= OpcUaConditions.MAX_CONDITIONS; i++) {
            conditions.next("c" + i, new State(true, false, null));
        }
        assertThat(conditions.followed("c0")).isFalse();
        assertThat(conditions.followed("c1")).isTrue();
        assertThat(conditions.followed("c" + OpcUaConditions.MAX_CONDITIONS)).isTrue();
    }

    private static List<List<State>> sequences(List<State> states, int maxLength) {
        List<List<State>> all = new ArrayList<>();
        List<List<State>> previous = List.of(List.of());
        for (int length = 1; length <= maxLength; length++) {
            List<List<State>> next = new ArrayList<>();
            for (List<State> prefix : previous) {
                for (State state : states) {
                    List<State> longer = new ArrayList<>(prefix);
                    longer.add(state);
                    next.add(longer);
                }
            }
            all.addAll(next);
            previous = next;
        }
        return all;
    }
}
