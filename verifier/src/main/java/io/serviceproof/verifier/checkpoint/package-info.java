/**
 * C2SP tlog-checkpoint (a log's signed tree head) and tlog-proof (an offline proof that one entry is
 * in a log), built on signed notes and RFC 9162 proofs.
 */
package io.serviceproof.verifier.checkpoint;
