/**
 * C2SP signed notes (c2sp.org/signed-note@v1.0.0) with Ed25519 keys: parsing, verification against
 * a set of trusted verifier keys, and signing. Behaves like golang.org/x/mod/sumdb/note: unknown
 * signatures are ignored, a bad signature from a known key is an error, and a note must carry at
 * least one signature from a known key.
 */
package io.serviceproof.verifier.note;
