package io.serviceproof.identity.web;

import io.serviceproof.identity.Role;
import io.serviceproof.identity.users.NewUser;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The create-user form; mutable because Spring binds forms field by field. */
class UserForm {

    @NotBlank
    @Email
    @Size(max = 254)
    private String email = "";

    @NotBlank
    @Size(max = 120)
    private String displayName = "";

    @NotNull
    private Role role = Role.ENGINEER;

    @NotBlank
    @Size(min = 12, max = 64)
    private String password = "";

    NewUser toCommand() {
        return new NewUser(email, displayName, role, password);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
