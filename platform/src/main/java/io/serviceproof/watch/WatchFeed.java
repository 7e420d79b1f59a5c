package io.serviceproof.watch;

import java.time.Instant;

/** An Atom or RSS feed the organisation polls for news of what it tracks. */
public record WatchFeed(
        String id, String name, String url, Instant lastPolledAt, String lastError, Instant createdAt) {}
