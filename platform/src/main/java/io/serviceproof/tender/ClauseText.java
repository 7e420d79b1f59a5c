package io.serviceproof.tender;

import io.serviceproof.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A clause's text as answers are remembered by: NFKC (full-width digits and letters fold), lower
 * case, punctuation and runs of white space collapsed, a leading clause number dropped. Two tenders
 * asking "4.2  The supplier SHALL provide 24/7 support." and "The supplier shall provide 24/7
 * support" ask the same thing; one changed number or word makes it another clause.
 */
final class ClauseText {

    private static final Pattern LEADING_NUMBER =
            Pattern.compile("^\\s*(?:[\\p{L}]{1,3}[-.]?)?\\d+(?:[.\\-]\\d+)*[.)]?\\s+");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}&&[^%/+<>=.]]+|\\.(?!\\d)");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private ClauseText() {}

    static String normalised(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = LEADING_NUMBER.matcher(s).replaceFirst("");
        s = PUNCTUATION.matcher(s).replaceAll(" ");
        return SPACE.matcher(s).replaceAll(" ").strip();
    }

    static String digest(String text) {
        return Sha256.hex(normalised(text).getBytes(StandardCharsets.UTF_8));
    }
}
