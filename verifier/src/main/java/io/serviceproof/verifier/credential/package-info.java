/**
 * W3C Data Integrity proofs with the {@code eddsa-jcs-2022} cryptosuite (W3C Data Integrity EdDSA
 * Cryptosuites v1.0): RFC 8785 canonical JSON, SHA-256 of proof configuration and document, Ed25519.
 * Keys travel as Multikey multibase strings and {@code did:key} verification methods.
 */
package io.serviceproof.verifier.credential;
