package io.serviceproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.serviceproof.common.ServiceUnavailableException;
import io.serviceproof.identity.OrganisationId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue in front of the log holds a bounded number of events: a producer faster than the disk
 * waits for room, and is told to try again (with nothing logged) rather than growing the heap.
 */
class GroupCommitterRoomTests {

    private final CountDownLatch diskFree = new CountDownLatch(1);
    private final CountDownLatch writing = new CountDownLatch(1);
    private final List<Integer> committed = new ArrayList<>();
    private GroupCommitter committer;

    @AfterEach
    void stop() {
        diskFree.countDown();
        committer.stop();
    }

    @Test
    void aProducerBeyondTheBoundWaitsThenIsToldToTryAgainWithNothingQueued() throws Exception {
        committer = slowCommitter(10, Duration.ofMillis(300));
        OrganisationId organisation = new OrganisationId(UUID.randomUUID());
        CompletableFuture<List<Appended>> first = committer.submit(organisation, drafts(6));
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<Appended>> second = committer.submit(organisation, drafts(4));

        long start = System.nanoTime();
        assertThatThrownBy(() -> committer.submit(organisation, drafts(1)))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("nothing of this batch was logged")
                .satisfies(e -> assertThat(((ServiceUnavailableException) e).retryAfterSeconds())
                        .isNotNull());
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));

        diskFree.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).hasSize(6);
        assertThat(second.get(5, TimeUnit.SECONDS)).hasSize(4);
        // Room is given back once batches are answered; the refused one never reached the log.
        assertThat(committer.submit(organisation, drafts(10)).get(5, TimeUnit.SECONDS))
                .hasSize(10);
        assertThat(committed).containsExactly(6, 4, 10);
    }

    @Test
    void aBatchLargerThanTheWholeQueueIsTakenWhenTheQueueIsEmpty() throws Exception {
        committer = slowCommitter(10, Duration.ofSeconds(5));
        diskFree.countDown();
        OrganisationId organisation = new OrganisationId(UUID.randomUUID());
        assertThat(committer.submit(organisation, drafts(25)).get(5, TimeUnit.SECONDS))
                .hasSize(25);
        assertThat(committer.submit(organisation, drafts(3)).get(5, TimeUnit.SECONDS))
                .hasSize(3);
    }

    /** A committer whose sequencer waits for {@link #diskFree}, each batch committed alone. */
    private GroupCommitter slowCommitter(int maxQueuedEvents, Duration waitForRoom) {
        Sequencer sequencer = mock(Sequencer.class);
        when(sequencer.append(any(), any())).thenAnswer(call -> {
            writing.countDown();
            diskFree.await();
            List<HashedDraft> drafts = call.getArgument(1);
            synchronized (committed) {
                committed.add(drafts.size());
            }
            return IntStream.range(0, drafts.size())
                    .mapToObj(i -> new Appended(drafts.get(i).eventId(), i, new byte[32], false))
                    .toList();
        });
        TransactionTemplate transactions = new TransactionTemplate(mock(PlatformTransactionManager.class));
        return new GroupCommitter(sequencer, transactions, maxQueuedEvents, waitForRoom);
    }

    private static List<HashedDraft> drafts(int count) {
        return HashedDraft.all(IntStream.range(0, count)
                .mapToObj(i -> TestLogs.heartbeat("e-" + UUID.randomUUID()))
                .toList());
    }
}
