package io.serviceproof.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every YAML document the product reads from outside is screened here before it is mapped. YAML's
 * anchors and aliases let a kilobyte expand into gigabytes ("billion laughs"), and Jackson reads an
 * alias to a scalar as the alias's own name, silently changing the document; nothing we read needs
 * them, so they are refused with their line and column. Size, nesting and the number of nodes are
 * capped so that one document cannot hold a thread, or a write lock, for long. Non-scalar keys
 * ({@code ? [a, b]}) are refused too: none of our formats has them, and they hide keys from readers.
 */
public final class SafeYaml {

    /** The most characters a YAML document may have. */
    public static final int MAX_CHARS = 5 * 1024 * 1024;
    /** The mapper's own hard cap, for the largest format we read (catalog imports). */
    static final int MAPPER_MAX_CHARS = 64 * 1024 * 1024;
    /** The deepest nesting of mappings and sequences. */
    public static final int MAX_DEPTH = 64;
    /** The most nodes (scalars, mappings, sequences) in one stream. */
    public static final int MAX_NODES = 1_000_000;

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setCodePointLimit(MAPPER_MAX_CHARS)
            .setMaxAliasesForCollections(0)
            .setAllowRecursiveKeys(false)
            .setAllowDuplicateKeys(false)
            .setAllowNonScalarKeys(false)
            .build();

    private SafeYaml() {}

    /** A YAML mapper with the same limits; call {@link #screen} on the text before reading it. */
    public static YAMLMapper.Builder mapper() {
        return YAMLMapper.builder(factory());
    }

    /** A YAML factory with the same limits, for mappers configured further. */
    public static YAMLFactory factory() {
        return YAMLFactory.builder()
                .loadSettings(SETTINGS)
                .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                        .maxDocumentLength(MAPPER_MAX_CHARS)
                        .maxNestingDepth(MAX_DEPTH)
                        .build())
                .build();
    }

    /**
     * Refuses a document with aliases or anchors, non-scalar keys, or over the limits, naming where.
     *
     * @throws UnprocessableDocumentException with one problem, located as "line L, column C"
     */
    public static void screen(String yaml) {
        screen(yaml, MAX_CHARS);
    }

    /** As {@link #screen(String)}, for a format that allows more characters (up to the mapper's own cap). */
    public static void screen(String yaml, int maxChars) {
        if (yaml.length() > maxChars) {
            throw refuse("document", "larger than " + maxChars + " characters");
        }
        int depth = 0;
        int nodes = 0;
        Deque<Boolean> inMapping = new ArrayDeque<>();
        int[] positionInMapping = new int[MAX_DEPTH + 2];
        try {
            for (Event event : new Parse(SETTINGS).parseString(yaml)) {
                switch (event.getEventId()) {
                    case Alias -> throw refuse(at(event), "aliases (*name) are not accepted; write the value out");
                    case MappingStart, SequenceStart -> {
                        refuseAnchor(event);
                        checkKey(inMapping, positionInMapping, depth, event);
                        if (++depth > MAX_DEPTH) {
                            throw refuse(at(event), "nested deeper than " + MAX_DEPTH + " levels");
                        }
                        inMapping.push(event.getEventId() == Event.ID.MappingStart);
                        positionInMapping[depth] = 0;
                        nodes = count(nodes, event);
                    }
                    case MappingEnd, SequenceEnd -> {
                        depth--;
                        inMapping.pop();
                        positionInMapping[depth]++;
                    }
                    case Scalar -> {
                        refuseAnchor(event);
                        positionInMapping[depth]++;
                        nodes = count(nodes, event);
                    }
                    default -> {}
                }
            }
        } catch (YamlEngineException e) {
            throw refuse("document", "not readable YAML: " + firstLine(e.getMessage()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            // The scanner lets these escape on malformed escapes (a unicode escape with no digits); found by fuzzing.
            throw refuse("document", "not readable YAML: a malformed escape sequence");
        }
    }

    /** A collection in key position: refused (the parser's own check comes only when composing). */
    private static void checkKey(Deque<Boolean> inMapping, int[] position, int depth, Event event) {
        if (!inMapping.isEmpty() && inMapping.peek() && position[depth] % 2 == 0) {
            throw refuse(at(event), "keys must be plain text, not mappings or lists");
        }
    }

    private static void refuseAnchor(Event event) {
        if (event instanceof NodeEvent node && node.getAnchor().isPresent()) {
            throw refuse(at(event), "anchors (&name) are not accepted; write the value out");
        }
    }

    private static int count(int nodes, Event event) {
        if (nodes + 1 > MAX_NODES) {
            throw refuse(at(event), "more than " + MAX_NODES + " values");
        }
        return nodes + 1;
    }

    private static String at(Event event) {
        return event.getStartMark().map(SafeYaml::location).orElse("document");
    }

    private static String location(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static UnprocessableDocumentException refuse(String location, String message) {
        return new UnprocessableDocumentException(
                "YAML refused", List.of(new UnprocessableDocumentException.Problem(location, message)));
    }
}
