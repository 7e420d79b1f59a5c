package io.serviceproof.ledger;

import static io.serviceproof.ledger.TestLogs.eventIds;
import static io.serviceproof.ledger.TestLogs.heartbeat;
import static io.serviceproof.ledger.TestLogs.newOrganisation;
import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.common.ConflictException;
import io.serviceproof.identity.OrganisationId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Appends committed together: each batch keeps its own answer, its own order and its own log. */
@SpringBootTest
class GroupCommitIntegrationTests {

    @Autowired
    GroupCommitter committer;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void batchesOfTwoOrganisationsCommittedTogetherEachGetTheirOwnIndexesInArrivalOrder() throws Exception {
        OrganisationId a = newOrganisation(jdbc, "group-a");
        OrganisationId b = newOrganisation(jdbc, "group-b");
        var first = pending(a, "a-1", "a-2");
        var other = pending(b, "b-1");
        var second = pending(a, "a-3");

        committer.commit(List.of(first, other, second));

        assertThat(indexes(first)).containsExactly(0L, 1L);
        assertThat(indexes(other)).containsExactly(0L);
        assertThat(indexes(second)).containsExactly(2L);
        assertThat(second.done().get().get(0).eventId()).isEqualTo("a-3");
        assertThat(eventIds(jdbc, a)).containsExactly("a-1", "a-2", "a-3");
        assertThat(eventIds(jdbc, b)).containsExactly("b-1");
    }

    @Test
    void aRefusedBatchInAGroupIsAnsweredAloneAndTheOthersAreCommitted() throws Exception {
        OrganisationId a = newOrganisation(jdbc, "refused-a");
        OrganisationId b = newOrganisation(jdbc, "refused-b");
        ledger.appendAllFor(a, List.of(heartbeat("x", "up")));
        var conflicting =
                new GroupCommitter.Pending(a, HashedDraft.all(List.of(heartbeat("y"), heartbeat("x", "down"))));
        var fine = pending(b, "b-1");
        var retry = new GroupCommitter.Pending(a, HashedDraft.all(List.of(heartbeat("x", "up"), heartbeat("z"))));

        committer.commit(List.of(conflicting, fine, retry));

        assertThat(conflicting.done()).isCompletedExceptionally();
        assertThat(conflicting.done().handle((ok, refused) -> refused).get()).isInstanceOf(ConflictException.class);
        assertThat(indexes(fine)).containsExactly(0L);
        assertThat(retry.done().get().get(0).alreadyPresent()).isTrue();
        assertThat(indexes(retry)).containsExactly(0L, 1L);
        assertThat(eventIds(jdbc, a)).as("nothing of the refused batch").containsExactly("x", "z");
        assertThat(eventIds(jdbc, b)).containsExactly("b-1");
    }

    @Test
    void producersAppendingAtOnceAreEachAnsweredWithWhereTheirEventsAre() throws Exception {
        OrganisationId a = newOrganisation(jdbc, "busy-a");
        OrganisationId b = newOrganisation(jdbc, "busy-b");
        ExecutorService producers = Executors.newFixedThreadPool(6);
        List<Future<List<Appended>>> answers = new ArrayList<>();
        for (int producer = 0; producer < 6; producer++) {
            OrganisationId organisation = producer % 2 == 0 ? a : b;
            for (int batch = 0; batch < 20; batch++) {
                String prefix = "p" + producer + "-b" + batch + "-";
                List<EntryDraft> drafts = IntStream.range(0, 25)
                        .mapToObj(i -> heartbeat(prefix + i))
                        .toList();
                answers.add(producers.submit(() -> ledger.appendAllFor(organisation, drafts)));
            }
        }
        producers.shutdown();
        List<Appended> all = new ArrayList<>();
        for (Future<List<Appended>> answer : answers) {
            all.addAll(answer.get());
        }

        List<String> logA = eventIds(jdbc, a);
        List<String> logB = eventIds(jdbc, b);
        assertThat(logA).hasSize(3 * 20 * 25);
        assertThat(logB).hasSize(3 * 20 * 25);
        for (Appended appended : all) {
            boolean ofA = Integer.parseInt(appended.eventId().substring(1, 2)) % 2 == 0;
            assertThat((ofA ? logA : logB).get((int) appended.index())).isEqualTo(appended.eventId());
        }
    }

    /** A test context is paused (stopped) between uses and started again; so may a server be. */
    @Test
    void aStoppedCommitterTakesNoAppendsUntilStartedAgain() {
        OrganisationId a = newOrganisation(jdbc, "restart");
        committer.stop();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> ledger.appendAllFor(a, List.of(heartbeat("while-stopped"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("shutting down");
        } finally {
            committer.start();
        }
        ledger.appendAllFor(a, List.of(heartbeat("after-restart")));
        assertThat(eventIds(jdbc, a)).containsExactly("after-restart");
    }

    private static GroupCommitter.Pending pending(OrganisationId organisation, String... eventIds) {
        return new GroupCommitter.Pending(
                organisation,
                HashedDraft.all(java.util.Arrays.stream(eventIds)
                        .map(TestLogs::heartbeat)
                        .toList()));
    }

    private static List<Long> indexes(GroupCommitter.Pending pending) throws Exception {
        return pending.done().get().stream().map(Appended::index).toList();
    }
}
