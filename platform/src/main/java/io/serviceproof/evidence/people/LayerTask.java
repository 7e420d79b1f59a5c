package io.serviceproof.evidence.people;

/** Work on a service layer that only someone with a current qualification of {@code requiredScope} may do. */
public record LayerTask(String id, String layerId, String task, String requiredScope) {}
