package io.serviceproof.tender;

import java.math.BigDecimal;
import java.util.List;

/**
 * Something the organisation can point a buyer at: a requirement of its library, an evidence item, a
 * published SLO or section of a layer, a technician's qualification, a recognised certificate, or an
 * answer confirmed in an earlier tender. It is indexed by its English and Chinese words and carries
 * what an answer would cite ({@code reference}) and why it may not hold today ({@code flags}).
 *
 * @param id unique per kind: a requirement, evidence item, qualification or result id; layer id with
 *     SLO id or section; a past answer's clause digest
 * @param title its own short name (a requirement's English title), for translating its Chinese one
 * @param framework for a requirement, its framework's name (matched weakly: it is in every one of its clauses)
 * @param heading a requirement with requirements under it: a chapter, answered better by its parts
 * @param flags why citing it needs care: expired, not approved, unverified provenance, SLO breached
 * @param objective for an SLO, what it promises, to compare with the figure a clause asks for
 * @param pastAnswer for an earlier confirmed answer, that answer
 */
record Answerable(
        Kind kind,
        String id,
        String label,
        String title,
        String reference,
        String english,
        String chinese,
        String other,
        String framework,
        boolean heading,
        List<String> flags,
        Objective objective,
        Answer pastAnswer) {

    enum Kind {
        PAST_ANSWER,
        REQUIREMENT,
        EVIDENCE,
        SLO,
        LAYER,
        QUALIFICATION,
        CERTIFICATE;

        String token() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** What a published SLO promises: {@code quantity operator threshold unit}, e.g. availability >= 99.9 %. */
    record Objective(String quantity, String operator, BigDecimal threshold, String unit) {}

    String key() {
        return kind.token() + ":" + id;
    }
}
