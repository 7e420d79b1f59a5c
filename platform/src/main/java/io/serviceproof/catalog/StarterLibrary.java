package io.serviceproof.catalog;

import io.serviceproof.catalog.exchange.LibraryDocument;
import io.serviceproof.catalog.exchange.LibraryYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The starter library shipped in {@code catalog/library}: the files listed in its
 * {@code library.yaml}, each a library document, merged into one release.
 */
@Component
class StarterLibrary {

    private static final String FOLDER = "catalog/library/";

    record Index(String version, List<String> files) {}

    private volatile Release release;

    record Release(String version, LibraryDocument document) {}

    Release release() {
        Release loaded = release;
        if (loaded == null) {
            loaded = load();
            release = loaded;
        }
        return loaded;
    }

    private static Release load() {
        Index index;
        try (InputStream in = resource("library.yaml")) {
            index = YAMLMapper.builder().build().readValue(in, Index.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<LibraryDocument.FrameworkEntry> frameworks = new ArrayList<>();
        List<LibraryDocument.AdoptionEntry> adoptions = new ArrayList<>();
        List<LibraryDocument.MappingEntry> mappings = new ArrayList<>();
        List<LibraryDocument.MarketEntry> markets = new ArrayList<>();
        List<LibraryDocument.RecognitionEntry> recognition = new ArrayList<>();
        for (String file : index.files()) {
            try (InputStream in = resource(file)) {
                LibraryDocument document = LibraryYaml.read(in);
                frameworks.addAll(document.frameworks());
                adoptions.addAll(document.adoptions());
                mappings.addAll(document.mappings());
                markets.addAll(document.markets());
                recognition.addAll(document.recognition());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw new IllegalStateException("starter library file " + file + " is invalid: " + e.getMessage(), e);
            }
        }
        return new Release(
                index.version(),
                new LibraryDocument(
                        LibraryDocument.FORMAT,
                        "serviceproof-starter",
                        index.version(),
                        frameworks,
                        adoptions,
                        mappings,
                        markets,
                        recognition));
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = StarterLibrary.class.getClassLoader().getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IOException("missing starter library file " + FOLDER + name);
        }
        return in;
    }
}
