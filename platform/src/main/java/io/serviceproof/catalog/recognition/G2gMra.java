package io.serviceproof.catalog.recognition;

import java.util.List;

/** A government-to-government mutual recognition agreement, such as an ASEAN sectoral MRA. */
public record G2gMra(
        String key,
        String name,
        List<String> parties,
        String sector,
        List<String> covers,
        String recognisedOn,
        String status,
        String note) {}
