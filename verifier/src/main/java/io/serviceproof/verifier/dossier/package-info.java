/**
 * Conformity dossiers: a zip whose {@code manifest.json} (RFC 8785) lists every file with its
 * SHA-256 and size, signed by the issuer as a C2SP signed note ({@code manifest.sig}); read safely
 * in memory and checked file by file.
 */
package io.serviceproof.verifier.dossier;
