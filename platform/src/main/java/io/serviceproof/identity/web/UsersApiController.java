package io.serviceproof.identity.web;

import io.serviceproof.identity.Role;
import io.serviceproof.identity.users.NewUser;
import io.serviceproof.identity.users.UserAccount;
import io.serviceproof.identity.users.UserAccounts;
import io.serviceproof.identity.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Users", description = "Users of the token's organisation (OWNER tokens only)")
@RestController
@RequestMapping("/api/v1/users")
class UsersApiController {

    private final UserAccounts accounts;

    UsersApiController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    record CreateUserRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 120) String displayName,
            @NotNull Role role,
            @NotBlank @Size(min = 12, max = 64) String password) {}

    record UserResponse(
            String id,
            String email,
            String displayName,
            Role role,
            boolean active,
            Instant createdAt,
            Instant deactivatedAt) {

        static UserResponse of(UserAccount user) {
            return new UserResponse(
                    user.id().toString(),
                    user.email(),
                    user.displayName(),
                    user.role(),
                    user.active(),
                    user.createdAt(),
                    user.deactivatedAt());
        }
    }

    @Operation(summary = "List the organisation's users")
    @GetMapping
    List<UserResponse> list() {
        return accounts.list().stream().map(UserResponse::of).toList();
    }

    @Operation(summary = "Get one user")
    @GetMapping("/{id}")
    UserResponse get(@PathVariable UserId id) {
        return UserResponse.of(accounts.get(id));
    }

    @Operation(summary = "Create a user", description = "409 when the e-mail is already in use.")
    @PostMapping
    ResponseEntity<UserResponse> create(@Valid @RequestBody CreateUserRequest request) {
        UserAccount user = accounts.create(
                new NewUser(request.email(), request.displayName(), request.role(), request.password()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserResponse.of(user));
    }

    record RoleChange(@NotNull Role role) {}

    @Operation(
            summary = "Change a user's role",
            description = "Revokes the user's API tokens and ends their sessions; 409 for your own account"
                    + " or a deactivated one.")
    @PutMapping("/{id}/role")
    UserResponse changeRole(@PathVariable UserId id, @Valid @RequestBody RoleChange request) {
        return UserResponse.of(accounts.changeRole(id, request.role()));
    }

    @Operation(summary = "Deactivate a user", description = "The user can no longer sign in; their trail stays.")
    @PostMapping("/{id}/deactivate")
    UserResponse deactivate(@PathVariable UserId id) {
        return UserResponse.of(accounts.deactivate(id));
    }
}
