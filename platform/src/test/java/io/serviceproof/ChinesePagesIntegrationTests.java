package io.serviceproof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.Assessments;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.ActorAuthentication;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Role;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import io.serviceproof.services.Offerings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18's bar for Chinese: on the main pages of the demo, read in Chinese, no sentence the product
 * generates is left in English. What a person or the library entered (a title, a name, a source note)
 * is shown as entered; everything else with English grammar in it is a defect this test reports.
 */
@SpringBootTest(properties = "serviceproof.demo.enabled=true")
@AutoConfigureMockMvc
class ChinesePagesIntegrationTests {

    /** Words that make a run of text an English sentence rather than a name or an identifier. */
    private static final Set<String> GRAMMAR = Set.of(
            "is",
            "are",
            "was",
            "not",
            "no",
            "the",
            "by",
            "for",
            "from",
            "with",
            "of",
            "in",
            "on",
            "this",
            "that",
            "has",
            "have",
            "rests",
            "holds",
            "requires",
            "accepts",
            "valid",
            "expires",
            "measured",
            "covered",
            "approved",
            "recorded",
            "met",
            "none",
            "until",
            "would",
            "does");

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void theMainPagesInChineseHaveNoGeneratedEnglishSentence() throws Exception {
        var demo = context.getBean(OrganisationDirectory.class).requireBySlug("demo");
        Actor system = Actor.system(demo.id(), "test");
        List<Assessment> assessments =
                Tenancy.callAs(system, () -> context.getBean(Assessments.class).assessments());
        String layer = Tenancy.callAs(
                system,
                () -> context.getBean(Offerings.class).allLayers().get(0).id());
        String lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        List<String> pages = new ArrayList<>(List.of(
                "/",
                "/catalog/recognition",
                "/offerings",
                "/assessments",
                "/evidence",
                "/people",
                "/credentials",
                "/engagements",
                "/devices",
                "/ingest",
                "/ledger",
                "/trail",
                "/layers/" + layer,
                "/layers/" + layer + "/sla?period=" + lastMonth));
        assessments.forEach(a -> pages.add("/assessments/" + a.id()));
        var as = asDemoOwner(demo.id());
        String entered = enteredData();

        List<String> english = new ArrayList<>();
        for (String page : pages) {
            String html = mvc.perform(get(page).param("lang", "zh-CN").with(as))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Element body = Jsoup.parse(html).body();
            body.select("script, style, code, pre, textarea, option").remove();
            for (TextNode node : body.select("*").stream()
                    .flatMap(e -> e.textNodes().stream())
                    .toList()) {
                String text = node.text().strip();
                if (isEnglishSentence(text) && !isEntered(text, entered)) {
                    english.add(page + ": " + text);
                }
            }
        }
        assertThat(english.stream().distinct().toList())
                .as("generated English on Chinese pages")
                .isEmpty();
    }

    /**
     * The demo's camera signs its verdicts with Bouncy Castle on the server's side; the offline
     * verifier, which uses the JDK's Ed25519 only, must accept every one of them from the log alone.
     */
    @Test
    void theDemoLogVerifiesOfflineWithEveryCameraSignature() throws Exception {
        var demo = context.getBean(OrganisationDirectory.class).requireBySlug("demo");
        var as = asDemoOwner(demo.id());
        context.getBean(io.serviceproof.ledger.LogReader.class).publishNow(demo.id());
        io.serviceproof.verifier.tiles.TileSource tiles = path -> {
            try {
                return mvc.perform(get("/logs/demo/" + path).with(as))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray();
            } catch (Exception e) {
                throw new java.io.IOException(path, e);
            }
        };
        var key = io.serviceproof.verifier.note.VerifierKey.parse(
                new String(tiles.fetch("vkey"), StandardCharsets.UTF_8).strip());
        var audit = new io.serviceproof.verifier.tiles.LogAuditor(tiles, key).auditAll();
        assertThat(audit.devices()).isEqualTo(1);
        assertThat(audit.deviceSigned()).isEqualTo(3600);
    }

    /** Signed in as the demo's owner, without the sign-in form. */
    private org.springframework.test.web.servlet.request.RequestPostProcessor asDemoOwner(
            io.serviceproof.identity.OrganisationId demo) {
        UserAccount owner = Tenancy.callAs(
                Actor.system(demo, "test"),
                () -> context.getBean(UserAccounts.class).list().stream()
                        .filter(u -> u.role() == Role.OWNER)
                        .findFirst()
                        .orElseThrow());
        return SecurityMockMvcRequestPostProcessors.authentication(new ActorAuthentication(
                new Actor(demo, Actor.Kind.USER, owner.id().toString(), owner.email(), owner.role())));
    }

    private static boolean isEnglishSentence(String text) {
        if (CJK.matcher(text).find()) {
            return false;
        }
        List<String> words = Stream.of(text.toLowerCase().split("[^a-z]+"))
                .filter(w -> !w.isEmpty())
                .toList();
        return words.size() >= 4
                && words.stream().filter(GRAMMAR::contains).distinct().count() >= 2;
    }

    /**
     * Entered text is shown as entered: every part of the text that reads as an English sentence (parts
     * split at ";", "·", ": ", ". ", "] " and before a capitalised list item) appears in the demo's
     * seed or the library. A generated clause around entered names ("X is accredited by Y") does not.
     */
    private static boolean isEntered(String text, String entered) {
        return Stream.of(text.split("[;·]|: |\\. |\\] |, (?=[A-Z])|:(?=\\d{4}$)"))
                .map(String::strip)
                .filter(ChinesePagesIntegrationTests::isEnglishSentence)
                .allMatch(part -> entered.contains(part.replaceAll("\\s+", " ")));
    }

    /** The demo's seed code and the starter library: what the demo organisation and the library entered. */
    private static String enteredData() {
        try (Stream<Path> files = Stream.concat(
                Files.walk(Path.of("src/main/java/io/serviceproof/demo")),
                Stream.concat(
                        Files.walk(Path.of("src/main/resources/catalog")),
                        Stream.concat(
                                Files.walk(Path.of("src/main/resources/services")),
                                Files.walk(Path.of("src/main/resources/watch")))))) {
            return files.filter(Files::isRegularFile)
                    .map(ChinesePagesIntegrationTests::read)
                    .map(s -> s.replaceAll("\"\\s*\\+\\s*\"", "").replaceAll("\\s+", " "))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
