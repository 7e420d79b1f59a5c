package io.serviceproof.evidence;

/** A link to create: to a requirement or a service layer of the acting organisation. */
public record LinkRequest(LinkTarget kind, String targetId) {}
