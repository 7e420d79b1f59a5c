package io.serviceproof.tender;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the product proposes once a person picked the matches a clause's answer rests on: comply when
 * every pick stands today, partially when one needs care (expired or unapproved evidence, an
 * unreviewed library entry, an SLO breached lately or promising less than asked), not comply when
 * nothing was picked; an earlier confirmed answer is repeated as it was. The person confirms or
 * changes it; the flags go with the answer either way.
 */
public record AnswerDraft(Answer answer, String references, List<String> flags) {

    static AnswerDraft of(List<Suggestion> picked) {
        if (picked.isEmpty()) {
            return new AnswerDraft(Answer.NOT_COMPLY, "", List.of("nothing cited: a gap to close"));
        }
        Set<String> flags = new LinkedHashSet<>();
        List<String> references = new ArrayList<>();
        boolean allStand = true;
        Answer repeated = null;
        for (Suggestion s : picked) {
            if (s.reference() != null && !s.reference().isBlank() && !references.contains(s.reference())) {
                references.add(s.reference());
            }
            flags.addAll(s.flags());
            allStand &= s.flags().isEmpty();
            if (s.pastAnswer() != null) {
                repeated = Answer.parse(s.pastAnswer());
            }
        }
        Answer answer = repeated != null && allStand ? repeated : allStand ? Answer.COMPLY : Answer.PARTIAL;
        return new AnswerDraft(answer, String.join("; ", references), List.copyOf(flags));
    }
}
