package io.serviceproof.catalog;

/** A market where something applies, and the rule that says why. */
public record MarketApplicability(Market market, MarketRule rule) {}
