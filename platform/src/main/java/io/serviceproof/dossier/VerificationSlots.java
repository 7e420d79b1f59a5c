package io.serviceproof.dossier;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many anonymous verifications run at once. Each may hold an upload of up to
 * {@link PublicVerification#MAX_UPLOAD} bytes and inflates every entry of a dossier once, so without
 * a bound a handful of strangers could exhaust the server's memory and CPU; past the bound a visitor
 * is asked to retry shortly (503 with Retry-After) rather than queued without limit.
 */
@Component
public class VerificationSlots {

    /** Seconds a refused visitor is asked to wait. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore slots;

    VerificationSlots(@Value("${serviceproof.verify.max-concurrent:2}") int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("serviceproof.verify.max-concurrent must be at least 1");
        }
        this.slots = new Semaphore(maxConcurrent);
    }

    /** Runs the work in a free slot, or answers empty at once when all are taken. */
    public <T> Optional<T> tryRun(Supplier<T> work) {
        if (!slots.tryAcquire()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            slots.release();
        }
    }

    /** For tests and metrics: free slots now. */
    public int available() {
        return slots.availablePermits();
    }

    /** Takes a slot until the returned handle is closed (tests hold the server busy with it). */
    public AutoCloseable hold() throws InterruptedException {
        slots.acquire();
        return slots::release;
    }
}
