/**
 * API tokens for machines and scripts: shown once, stored as a SHA-256 of the secret, bound to one
 * organisation and one role, with an expiry and revocation.
 */
@NamedInterface("tokens")
package io.serviceproof.identity.tokens;

import org.springframework.modulith.NamedInterface;
