/** User accounts of an organisation: created and deactivated by owners, signed in with a password. */
@NamedInterface("users")
package io.serviceproof.identity.users;

import org.springframework.modulith.NamedInterface;
