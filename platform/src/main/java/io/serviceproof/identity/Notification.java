package io.serviceproof.identity;

import java.time.Instant;
import java.util.List;

/**
 * An in-app notice for one user. Its text is a message key with arguments, rendered in the reader's
 * language; {@code link} is the page it is about.
 */
public record Notification(
        String id, String messageKey, List<String> arguments, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
