package io.serviceproof.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.common.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Feeds are read from the outside world: the hostile address and the hostile document come first. */
class FeedReaderTests {

    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Standards news</title>
              <id>urn:test:feed</id>
              <updated>2026-11-30T00:00:00Z</updated>
              <entry>
                <title>ISO/IEC 27018:2025 published</title>
                <id>urn:test:27018</id>
                <link href="https://news.example/27018"/>
                <updated>2026-11-30T00:00:00Z</updated>
                <summary type="html">&lt;p&gt;Supersedes the &lt;b&gt;2019&lt;/b&gt; edition&lt;/p&gt;</summary>
              </entry>
              <entry>
                <title>A link we must not follow</title>
                <id>urn:test:js</id>
                <link href="javascript:alert(1)"/>
                <updated>2026-11-29T00:00:00Z</updated>
              </entry>
            </feed>
            """;

    @Test
    void anAtomFeedGivesEntriesWithPlainTextAndOnlyWebLinks() throws Exception {
        List<FeedEntry> entries = FeedReader.parse(ATOM.getBytes(StandardCharsets.UTF_8));
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).id()).isEqualTo("urn:test:27018");
        assertThat(entries.get(0).link()).isEqualTo("https://news.example/27018");
        assertThat(entries.get(0).summary()).isEqualTo("Supersedes the 2019 edition");
        assertThat(entries.get(0).published()).isNotNull();
        assertThat(entries.get(1).link()).as("a javascript: link is dropped").isNull();
    }

    @Test
    void anRssFeedIsReadToo() throws Exception {
        String rss = """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Regulator</title><link>https://reg.example</link>
                <description>news</description>
                <item><title>Decree 356/2025 guidance</title><guid>reg-356</guid><link>https://reg.example/356</link>
                <pubDate>Mon, 01 Dec 2025 00:00:00 GMT</pubDate></item>
                </channel></rss>
                """;
        List<FeedEntry> entries = FeedReader.parse(rss.getBytes(StandardCharsets.UTF_8));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("reg-356");
            assertThat(e.title()).isEqualTo("Decree 356/2025 guidance");
        });
    }

    @Test
    void aDocumentTypeIsRefusedSoNoExternalEntityIsEverResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>&secret;</title><id>x</id>
                <updated>2026-01-01T00:00:00Z</updated></feed>
                """;
        assertThatThrownBy(() -> FeedReader.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedReader.FeedUnreadable.class);
        String billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <rss version="2.0"><channel><title>&lol2;</title></channel></rss>
                """;
        assertThatThrownBy(() -> FeedReader.parse(billionLaughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedReader.FeedUnreadable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not xml at all", "<html><body>a web page</body></html>", "<feed", ""})
    void whatIsNotAFeedIsRefused(String document) {
        assertThatThrownBy(() -> FeedReader.parse(document.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedReader.FeedUnreadable.class);
    }

    @Test
    void aHugeFeedIsCutToTheEntryLimit() throws Exception {
        StringBuilder feed =
                new StringBuilder("<rss version=\"2.0\"><channel><title>t</title><link>https://x.example</link>"
                        + "<description>d</description>");
        for (int i = 0; i < FeedReader.MAX_ENTRIES + 50; i++) {
            feed.append("<item><title>Item ")
                    .append(i)
                    .append("</title><guid>g")
                    .append(i)
                    .append("</guid></item>");
        }
        feed.append("</channel></rss>");
        assertThat(FeedReader.parse(feed.toString().getBytes(StandardCharsets.UTF_8)))
                .hasSize(FeedReader.MAX_ENTRIES);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "ftp://example.org/feed",
                "gopher://example.org/",
                "http://127.0.0.1/feed",
                "http://localhost:8080/actuator/env",
                "http://10.0.0.5/feed",
                "http://192.168.1.1/feed",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/feed",
                "http://0.0.0.0/feed",
                "https://user:secret@example.org/feed",
                "not a url"
            })
    void addressesOutsideThePublicWebAreRefusedBeforeAnythingIsFetched(String url) {
        FeedReader reader = new FeedReader(1024, false);
        assertThatThrownBy(() -> reader.checkAddress(url)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> reader.read(url)).isInstanceOf(FeedReader.FeedUnreadable.class);
    }

    @Test
    void aFeedOnTheLocalNetworkIsAllowedOnlyWhenConfigured() {
        assertThat(new FeedReader(1024, true).checkAddress("http://127.0.0.1:9/feed.atom"))
                .hasHost("127.0.0.1");
    }
}
