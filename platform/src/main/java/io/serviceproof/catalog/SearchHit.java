package io.serviceproof.catalog;

/** One ranked search result. */
public record SearchHit(Requirement requirement, Framework framework, float score) {}
