package io.serviceproof.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for background work that must not keep the JVM alive when it is asked to stop: what they
 * do is either durable before it is acknowledged or done again after a restart, so a stop may cut
 * them. Named, so a thread dump says whose they are.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** Every thread gets {@code name}: for executors with one thread. */
    public static ThreadFactory named(String name) {
        return runnable -> daemon(runnable, name);
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, …: for pools. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> daemon(runnable, prefix + "-" + n.incrementAndGet());
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
