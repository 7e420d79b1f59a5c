package io.serviceproof.identity.users;

import io.serviceproof.identity.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an owner enters to create a user. The password limit of 64 characters keeps it inside
 * bcrypt's 72-byte input for any mix of ASCII; longer input would be silently truncated.
 */
public record NewUser(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 120) String displayName,
        @NotNull Role role,
        @NotBlank @Size(min = 12, max = 64) String password) {

    @Override
    public String toString() {
        return "NewUser[email=" + email + ", role=" + role + "]";
    }
}
