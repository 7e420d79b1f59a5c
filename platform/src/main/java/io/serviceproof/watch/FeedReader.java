package io.serviceproof.watch;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.serviceproof.common.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches and reads an Atom or RSS feed, treating both the address and the document as hostile:
 * only http(s) addresses outside the server's own networks (unless configured otherwise, as for a
 * feed on the plant's intranet or in tests), no redirects, a size cap, short timeouts, and Rome's
 * parser with document types refused (no external entities).
 */
@Component
class FeedReader {

    /** Why a feed could not be read; its message is shown to the organisation as the feed's last error. */
    static final class FeedUnreadable extends Exception {
        FeedUnreadable(String message) {
            super(message);
        }
    }

    static final int MAX_ENTRIES = 200;
    private static final int MAX_TITLE = 500;
    private static final int MAX_SUMMARY = 2000;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final long maxBytes;
    private final boolean allowPrivateAddresses;

    FeedReader(
            @Value("${serviceproof.watch.max-feed-bytes:2097152}") long maxBytes,
            @Value("${serviceproof.watch.allow-private-addresses:false}") boolean allowPrivateAddresses) {
        this.maxBytes = maxBytes;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** Checks an address before it is stored: refused with the reason, so nothing is saved. */
    URI checkAddress(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url", "not a web address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new InvalidInputException("url", "must be an http or https address");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidInputException("url", "must not carry a user name or password");
        }
        if (!allowPrivateAddresses) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (internal(address)) {
                        throw new InvalidInputException(
                                "url", "points into a private or local network, which the server does not fetch from");
                    }
                }
            } catch (UnknownHostException e) {
                throw new InvalidInputException("url", "the host " + uri.getHost() + " is unknown");
            }
        }
        return uri;
    }

    List<FeedEntry> read(String url) throws FeedUnreadable {
        URI uri;
        try {
            uri = checkAddress(url);
        } catch (InvalidInputException e) {
            throw new FeedUnreadable("the address " + e.getMessage().replaceFirst("^url: ", ""));
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(15))
                            .header("Accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9")
                            .header("User-Agent", "ServiceProof standards watch")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FeedUnreadable("could not be fetched: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnreadable("fetching was interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 == 3) {
                throw new FeedUnreadable("moved (HTTP " + response.statusCode() + " to "
                        + response.headers().firstValue("Location").orElse("?") + "): update the feed's address");
            }
            if (response.statusCode() != 200) {
                throw new FeedUnreadable("answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new FeedUnreadable("is larger than " + maxBytes + " bytes");
            }
            return parse(bytes);
        } catch (IOException e) {
            throw new FeedUnreadable("could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** Parses a feed document; a document type, malformed XML or an unknown format is refused. */
    static List<FeedEntry> parse(byte[] document) throws FeedUnreadable {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new InputStreamReader(new ByteArrayInputStream(document), StandardCharsets.UTF_8));
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedUnreadable("is not a readable Atom or RSS feed");
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            if (entries.size() == MAX_ENTRIES) {
                break;
            }
            String title = clip(plain(entry.getTitle()), MAX_TITLE);
            String link = webLink(entry.getLink());
            String id = firstNonBlank(entry.getUri(), link, title);
            if (id == null || title == null || title.isBlank()) {
                continue;
            }
            String summary = entry.getDescription() == null
                    ? ""
                    : plain(entry.getDescription().getValue());
            java.util.Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            entries.add(new FeedEntry(
                    clip(id, 1000), title, link, date == null ? null : date.toInstant(), clip(summary, MAX_SUMMARY)));
        }
        return entries;
    }

    private static boolean internal(InetAddress address) {
        byte[] raw = address.getAddress();
        boolean uniqueLocalV6 = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || uniqueLocalV6;
    }

    private static String webLink(String link) {
        if (link == null) {
            return null;
        }
        String trimmed = link.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && trimmed.length() <= 2000
                ? trimmed
                : null;
    }

    /** Feed text may carry markup; we keep words only (pages escape it anyway). */
    private static String plain(String text) {
        if (text == null) {
            return null;
        }
        return text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
