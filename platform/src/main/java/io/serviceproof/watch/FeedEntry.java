package io.serviceproof.watch;

import java.time.Instant;

/** One item of a feed, as read: its stable id, title, link (http or https only), date and plain-text summary. */
public record FeedEntry(String id, String title, String link, Instant published, String summary) {}
