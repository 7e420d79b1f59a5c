package io.serviceproof.common.web;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * A byte budget for what anonymous responses hold in memory while they are built (entry bundles of
 * public logs hold up to 256 entries of up to 64 KiB, then their encoding and its gzip). A request
 * reserves its size before it reads anything; when the budget is spent it is refused (503 with
 * Retry-After) instead of pushing the heap past its limit, however many clients ask at once.
 */
@Component
public class ResponseMemory {

    /** Seconds a refused client is asked to wait. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final long budget;
    private final AtomicLong reserved = new AtomicLong();

    ResponseMemory(@Value("${serviceproof.public-reads.memory-budget:256MB}") DataSize budget) {
        if (budget.toBytes() < 1) {
            throw new IllegalArgumentException("serviceproof.public-reads.memory-budget must be positive");
        }
        this.budget = budget.toBytes();
    }

    /** A hold on {@code bytes} of the budget until closed, or empty at once when they are not free. */
    public Optional<Reservation> tryReserve(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative reservation");
        }
        long now;
        do {
            now = reserved.get();
            if (now + bytes > budget) {
                return Optional.empty();
            }
        } while (!reserved.compareAndSet(now, now + bytes));
        return Optional.of(new Reservation(bytes));
    }

    public long budget() {
        return budget;
    }

    /** Bytes reserved now (metrics and tests). */
    public long reserved() {
        return reserved.get();
    }

    public final class Reservation implements AutoCloseable {

        private final long bytes;
        private boolean released;

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                reserved.addAndGet(-bytes);
            }
        }
    }
}
