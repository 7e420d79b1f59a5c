package io.serviceproof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages are complete, and every message key a template names exists. */
class MessageBundlesTests {

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void chineseMessagesAreTranslatedNotCopied() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        Set<String> untranslated = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            boolean sameText = english.getProperty(key).equals(chinese.getProperty(key));
            boolean name = key.startsWith("lang.") || key.equals("app.name") || key.equals("nav.api");
            // "{0}" alone has no word to translate.
            boolean onlyPlaceholders =
                    english.getProperty(key).replaceAll("\\{\\d+}", "").isBlank();
            if (sameText && !name && !onlyPlaceholders) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).isEmpty();
    }

    /**
     * A message without placeholders is shown as written (Spring formats only messages given
     * arguments), so an escaped apostrophe ('') there would appear doubled. Verifier findings are
     * always formatted (CheckLabels) and may escape.
     */
    @Test
    void aMessageWithoutPlaceholdersWritesApostrophesOnce() throws IOException {
        Set<String> doubled = new TreeSet<>();
        for (String file : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                if (text.contains("''") && !text.matches("(?s).*\\{\\d.*") && !key.startsWith("verify.reason.")) {
                    doubled.add(file + ": " + key);
                }
            }
        }
        assertThat(doubled).isEmpty();
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = literalKey.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!english.containsKey(matcher.group(1))) {
                        missing.add(template.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Every action the trail records is shown by name in both languages: the test reads the codes
     * from the sources ({@code trail.record("…")}, and the mapping actions built from a prefix), so a
     * new action without a name fails here rather than reaching an auditor as a bare code.
     */
    @Test
    void everyTrailActionHasANameInBothLanguages() throws IOException {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("trail\\s*\\.record\\(\\s*\"([a-z0-9.-]+)\"");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = literal.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) { // a prefix completed at run time, listed below
                        codes.add(m.group(1));
                    }
                }
            }
        }
        for (String action : java.util.List.of("created", "confirmed", "rejected", "edited")) {
            codes.add("catalog.mapping." + action);
        }
        assertThat(codes).as("codes found in the sources").hasSizeGreaterThan(40);
        for (String file : java.util.List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties messages = load(file);
            assertThat(codes)
                    .as(file)
                    .allSatisfy(code -> assertThat(messages.getProperty("trail.action." + code))
                            .as("trail.action." + code)
                            .isNotBlank());
        }
    }

    /**
     * The public verification page speaks the buyers' languages of the target markets: every message
     * it can show (its labels, every check's name and finding, the chain) exists in Vietnamese, Thai,
     * Malay and Indonesian with the same placeholders, and is translated, not copied.
     */
    @Test
    void theVerificationPageSpeaksTheBuyersLanguages() throws IOException {
        Properties english = load("messages.properties");
        java.util.Set<String> shown = new java.util.TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            if (key.startsWith("verify.")) {
                shown.add(key);
            }
        }
        shown.addAll(List.of(
                "nav.verify",
                "assessment.market",
                "assessment.status",
                "body.kind.certification",
                "body.kind.inspection",
                "body.kind.testing",
                "body.standing.verified",
                "body.standing.unverified"));
        for (String language : List.of("vi", "th", "ms", "id")) {
            Properties bundle = load("messages_" + language + ".properties");
            assertThat(bundle.stringPropertyNames()).as(language).containsAll(shown);
            List<String> copied = new java.util.ArrayList<>();
            for (String key : shown) {
                assertThat(placeholders(bundle.getProperty(key)))
                        .as(language + " " + key)
                        .isEqualTo(placeholders(english.getProperty(key)));
                if (bundle.getProperty(key).equals(english.getProperty(key))) {
                    copied.add(key);
                }
            }
            // Only what is the same in every language may stay: a format of placeholders, a term.
            assertThat(copied)
                    .as(language + " messages left in English")
                    .allMatch(key -> key.equals("verify.chain.standing")
                            || key.equals("verify.name.format")
                            || key.equals("assessment.status")
                            || key.equals("verify.reason.vc-2"));
        }
    }

    private static java.util.Set<String> placeholders(String message) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d+}").matcher(message);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
