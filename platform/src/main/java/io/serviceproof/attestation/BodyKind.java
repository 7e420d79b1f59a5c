package io.serviceproof.attestation;

import java.util.Locale;

/** What a conformity-assessment body does, and the ISO/IEC standard it is accredited against for it. */
public enum BodyKind {
    /** Certifies management systems (ISO/IEC 17021-1) or products and services (ISO/IEC 17065). */
    CERTIFICATION("certification"),
    /** Inspects (ISO/IEC 17020). */
    INSPECTION("inspection"),
    /** Tests or calibrates (ISO/IEC 17025). */
    TESTING("testing");

    private final String attestationType;

    BodyKind(String attestationType) {
        this.attestationType = attestationType;
    }

    /** The UNTP attestationType a body of this kind issues. */
    public String attestationType() {
        return attestationType;
    }

    /** The conformity-result kind the recognition layer and the markets' acceptance rules use. */
    public String resultKind() {
        return switch (this) {
            case CERTIFICATION -> "certificate";
            case INSPECTION -> "inspection_report";
            case TESTING -> "test_report";
        };
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static BodyKind fromToken(String token) {
        for (BodyKind kind : values()) {
            if (kind.token().equalsIgnoreCase(token == null ? "" : token.strip())) {
                return kind;
            }
        }
        throw new io.serviceproof.common.InvalidInputException(
                "kind", "unknown kind '" + token + "' (certification, inspection, testing)");
    }
}
