package io.serviceproof.catalog.recognition;

/**
 * An accreditation body's signatory status in a multilateral arrangement (IAF MLA, ILAC MRA, APAC
 * MRA). {@code level} is the IAF MLA level (5 = a standard such as ISO/IEC 27001 under 27006);
 * {@code scope} lists the standards that level covers for this body.
 */
public record Arrangement(
        String key, String body, String country, String arrangement, Integer level, String scope, String status) {

    public boolean signatory() {
        return "signatory".equals(status);
    }

    public boolean covers(String standardNumber) {
        return scope != null && scope.contains(standardNumber);
    }
}
