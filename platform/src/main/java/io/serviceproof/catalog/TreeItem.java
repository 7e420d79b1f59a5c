package io.serviceproof.catalog;

/** A requirement at its depth in its framework's tree, for indented rendering. */
public record TreeItem(Requirement requirement, int depth, boolean hasChildren) {}
