package io.serviceproof.catalog.exchange;

import io.serviceproof.common.SafeYaml;
import io.serviceproof.common.UnprocessableDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Reads and writes our YAML library format, strictly: unknown keys are errors, not ignored. */
public final class LibraryYaml {

    /** Catalog imports may be large spreadsheets turned YAML; the import size limit applies first. */
    private static final int MAX_CHARS = 64 * 1024 * 1024;

    private static final YAMLMapper MAPPER = YAMLMapper.builder(SafeYaml.factory())
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .changeDefaultPropertyInclusion(
                    v -> v.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY))
            .build();

    private LibraryYaml() {}

    /** Parses and validates; a document with any error is rejected whole. */
    public static LibraryDocument read(InputStream in) {
        LibraryDocument document;
        try {
            String text = new String(in.readNBytes(MAX_CHARS + 1), StandardCharsets.UTF_8);
            SafeYaml.screen(text, MAX_CHARS);
            document = MAPPER.readValue(text, LibraryDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnprocessableDocumentException e) {
            UnprocessableDocumentException.Problem problem = e.problems().get(0);
            throw new RejectedDocumentException(problem.location(), problem.message());
        } catch (UnrecognizedPropertyException e) {
            throw new RejectedDocumentException(location(e), "unknown key '" + e.getPropertyName() + "'" + line(e));
        } catch (JacksonException e) {
            throw new RejectedDocumentException(location(e), e.getOriginalMessage() + line(e));
        }
        if (document == null) {
            throw new RejectedDocumentException("$", "the document is empty");
        }
        LibraryValidator.requireValid(document);
        return document;
    }

    public static void write(LibraryDocument document, OutputStream out) {
        try {
            MAPPER.writeValue(out, document);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write a library document", e);
        }
    }

    public static String toString(LibraryDocument document) {
        return MAPPER.writeValueAsString(document);
    }

    static LibraryDocument readResource(InputStream in) throws IOException {
        try (in) {
            return read(in);
        }
    }

    /** The path as a reader writes it: frameworks[0].requirements[3].parent. */
    private static String location(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static String line(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? ""
                : " (line " + e.getLocation().getLineNr() + ")";
    }
}
