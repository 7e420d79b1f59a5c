package io.serviceproof.catalog;

/** A mapping with both ends resolved, for pages and API responses. */
public record MappingView(
        Mapping mapping,
        Requirement source,
        Framework sourceFramework,
        Requirement target,
        Framework targetFramework) {}
