package io.serviceproof.verifier.note;

import java.util.ArrayList;
import java.util.List;

/** Produces signed notes. */
public final class NoteSigner {

    private NoteSigner() {}

    /**
     * Signs {@code text} with each key. The text must be non-empty, end with a newline, contain no
     * blank line at its end and no control characters other than newlines.
     */
    public static SignedNote sign(String text, SignerKey... keys) throws MalformedNoteException {
        if (text.isEmpty() || !text.endsWith("\n") || text.endsWith("\n\n")) {
            throw new MalformedNoteException("note text must be non-empty and end with exactly one newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (SignerKey key : keys) {
            signatures.add(key.sign(text));
        }
        SignedNote note = new SignedNote(text, signatures);
        // Round-trip through the parser so we never emit a note that we (or anyone) would reject.
        return SignedNote.parse(note.format());
    }
}
