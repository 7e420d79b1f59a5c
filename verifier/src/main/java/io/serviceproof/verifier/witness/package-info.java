/**
 * Witnesses (c2sp.org/tlog-witness) and their cosignatures (c2sp.org/tlog-cosignature): the keys,
 * the {@code cosignature/v1} signed message, the {@code add-checkpoint} request, and the policy
 * that says which witnesses (how many of them) must have cosigned before a checkpoint is believed.
 */
package io.serviceproof.verifier.witness;
