package io.serviceproof.verifier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.serviceproof.verifier.checkpoint.Checkpoint;
import io.serviceproof.verifier.checkpoint.TlogProof;
import io.serviceproof.verifier.dossier.StrictZip;
import io.serviceproof.verifier.json.Json;
import io.serviceproof.verifier.json.JsonException;
import io.serviceproof.verifier.note.MalformedNoteException;
import io.serviceproof.verifier.note.SignedNote;
import io.serviceproof.verifier.tiles.EntryBundle;
import io.serviceproof.verifier.tiles.TilePath;
import java.nio.charset.StandardCharsets;

/**
 * Every parser that reads outside input, fuzzed with properties, not only "no exception": what it
 * accepts must survive a round trip, and what it refuses must be refused with its own exception type.
 * In the normal suite each runs its corpus ({@code src/test/resources/.../ParserFuzzTestsInputs/<test>/})
 * as regression tests in seconds; {@code JAZZER_FUZZ=1 ./mvnw -pl verifier test -Dtest=ParserFuzzTests}
 * fuzzes (add what it finds to the corpus).
 */
class ParserFuzzTests {

    /** Canonical JSON is a fixed point: parsing and re-serialising canonical output changes nothing. */
    @FuzzTest(maxDuration = "30s")
    void canonicalJsonIsIdempotent(byte[] input) {
        Object parsed;
        try {
            parsed = Json.parse(new String(input, StandardCharsets.UTF_8));
        } catch (JsonException refused) {
            return;
        }
        try {
            byte[] once = Json.canonicalBytesOf(parsed);
            byte[] twice = Json.canonicalBytesOf(Json.parse(new String(once, StandardCharsets.UTF_8)));
            assertThat(twice).isEqualTo(once);
        } catch (JsonException e) {
            throw new AssertionError("accepted input whose canonical form does not parse again", e);
        }
    }

    /** A note that parses re-serialises to the very bytes read (a signature covers those bytes). */
    @FuzzTest(maxDuration = "30s")
    void signedNotesRoundTrip(byte[] input) {
        try {
            SignedNote note = SignedNote.parse(input);
            assertThat(SignedNote.parse(note.format()).format()).isEqualTo(note.format());
            // One note, one spelling: what parses is exactly what it re-serialises to (duplicate
            // signature lines aside, which are read once).
            String read = new String(input, java.nio.charset.StandardCharsets.UTF_8);
            if (note.signatures().size() == read.split("\n\u2014 ", -1).length - 1) {
                assertThat(note.format().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(input);
            }
            Checkpoint.parse(note.text());
        } catch (MalformedNoteException refused) {
            // refused, as it should be, with the parser's own exception
        }
    }

    @FuzzTest(maxDuration = "30s")
    void tlogProofsRoundTrip(byte[] input) {
        try {
            TlogProof proof = TlogProof.parse(input);
            assertThat(TlogProof.parse(proof.format()).index()).isEqualTo(proof.index());
        } catch (MalformedNoteException | IllegalArgumentException refused) {
            // refused
        }
    }

    /** A witness request that parses is exactly the bytes it re-serialises to; anything else is refused. */
    @FuzzTest(maxDuration = "30s")
    void addCheckpointRequestsRoundTrip(byte[] input) {
        try {
            io.serviceproof.verifier.witness.AddCheckpointRequest request =
                    io.serviceproof.verifier.witness.AddCheckpointRequest.parse(input);
            String read = new String(input, java.nio.charset.StandardCharsets.UTF_8);
            // Duplicate signature lines are read once, so only a request without them re-serialises exactly.
            if (request.checkpoint().signatures().size() == read.split("\n\u2014 ", -1).length - 1) {
                assertThat(request.format()).isEqualTo(input);
            }
        } catch (MalformedNoteException refused) {
            // refused with the parser's own exception
        }
    }

    /** A policy parses or is refused with a message; it never fails any other way. */
    @FuzzTest(maxDuration = "30s")
    void witnessPoliciesParseOrAreRefused(byte[] input) {
        try {
            io.serviceproof.verifier.witness.WitnessPolicy policy =
                    io.serviceproof.verifier.witness.WitnessPolicy.parse(
                            new String(input, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(policy.logKeys()).isNotEmpty();
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /** A tile has exactly one path: whatever parses is the canonical path of what it names. */
    @FuzzTest(maxDuration = "30s")
    void tilePathsAreCanonical(byte[] input) {
        String path = new String(input, StandardCharsets.UTF_8);
        try {
            assertThat(TilePath.parse(path).path()).isEqualTo(path);
        } catch (IllegalArgumentException refused) {
            // refused
        }
    }

    @FuzzTest(maxDuration = "30s")
    void entryBundlesRoundTrip(byte[] input) {
        for (int width = 1; width <= 3; width++) {
            try {
                var entries = EntryBundle.decode(input, width);
                assertThat(EntryBundle.encode(entries)).isEqualTo(input);
            } catch (IllegalArgumentException refused) {
                // refused
            }
        }
    }

    /** Whatever the strict zip reader accepts, java.util.zip reads as the same files. */
    @FuzzTest(maxDuration = "30s")
    void strictZipAgreesWithJavaZip(byte[] input) throws Exception {
        java.util.Map<String, StrictZip.Entry> ours;
        try {
            ours = StrictZip.read(input, name -> true);
        } catch (IllegalArgumentException refused) {
            return;
        }
        java.util.Map<String, byte[]> theirs = new java.util.LinkedHashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(input))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                theirs.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(theirs.keySet()).containsExactlyElementsOf(ours.keySet());
        ours.forEach((name, entry) -> assertThat(theirs.get(name)).isEqualTo(entry.bytes()));
    }
}
