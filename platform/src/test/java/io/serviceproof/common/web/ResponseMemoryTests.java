package io.serviceproof.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The budget is never overdrawn, however many reserve at once, and every release gives back once. */
class ResponseMemoryTests {

    @Test
    void reservationsNeverExceedTheBudgetAndCloseOnce() {
        ResponseMemory memory = new ResponseMemory(DataSize.ofBytes(100));
        var first = memory.tryReserve(60).orElseThrow();
        assertThat(memory.tryReserve(41)).isEmpty();
        var second = memory.tryReserve(40).orElseThrow();
        assertThat(memory.reserved()).isEqualTo(100);
        first.close();
        first.close();
        assertThat(memory.reserved()).isEqualTo(40);
        second.close();
        assertThat(memory.reserved()).isZero();
    }

    @Test
    void concurrentReservationsNeverOverdraw() throws Exception {
        ResponseMemory memory = new ResponseMemory(DataSize.ofBytes(1_000));
        AtomicLong highest = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        var held = memory.tryReserve(1 + (i % 300));
                        highest.accumulateAndGet(memory.reserved(), Math::max);
                        held.ifPresent(ResponseMemory.Reservation::close);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        assertThat(highest.get()).isLessThanOrEqualTo(1_000);
        assertThat(memory.reserved()).isZero();
    }
}
