package io.serviceproof.evidence;

import java.util.List;

/** An item with its versions (newest first) and links. */
public record EvidenceDetail(EvidenceItem item, List<EvidenceVersion> versions, List<EvidenceLink> links) {

    public EvidenceVersion latest() {
        return versions.get(0);
    }
}
