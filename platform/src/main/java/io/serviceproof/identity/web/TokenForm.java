package io.serviceproof.identity.web;

import io.serviceproof.identity.Role;
import io.serviceproof.identity.tokens.NewToken;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The create-token form. */
class TokenForm {

    @NotBlank
    @Size(max = 80)
    private String name = "";

    @NotNull
    private Role role = Role.ENGINEER;

    @Min(1)
    @Max(NewToken.MAX_LIFETIME_DAYS)
    private int expiresInDays = NewToken.DEFAULT_LIFETIME_DAYS;

    NewToken toCommand() {
        return new NewToken(name, role, expiresInDays);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public int getExpiresInDays() {
        return expiresInDays;
    }

    public void setExpiresInDays(int expiresInDays) {
        this.expiresInDays = expiresInDays;
    }
}
