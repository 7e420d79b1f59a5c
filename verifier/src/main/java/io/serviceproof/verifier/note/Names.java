package io.serviceproof.verifier.note;

/** Key names: non-empty, no Unicode spaces, no plus sign (it separates the parts of a key string). */
public final class Names {

    private Names() {}

    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.contains("+")) {
            return false;
        }
        return name.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp));
    }
}
