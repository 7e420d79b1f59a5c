package io.serviceproof.identity.security;

import io.serviceproof.identity.users.UserAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks up the account behind the e-mail typed into the sign-in form. */
@Component
class AccountDetailsService implements UserDetailsService {

    private final UserAccounts accounts;

    AccountDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return accounts.credentialsFor(email)
                .map(SignedInUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("No account for that e-mail"));
    }
}
