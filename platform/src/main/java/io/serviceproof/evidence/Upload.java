package io.serviceproof.evidence;

import java.io.InputStream;

/**
 * A file as it arrives: the name the client gave, its declared media type, and its bytes as a
 * stream (read once, to the end, by the vault).
 */
public record Upload(String filename, String mediaType, InputStream content) {}
