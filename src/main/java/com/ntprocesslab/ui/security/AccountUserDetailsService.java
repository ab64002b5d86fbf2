package com.ntprocesslab.ui.security;

import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.account.AccountService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Spring Security reads accounts from the database, whatever case the name is typed in; roles
 * become ROLE_STUDENT / ROLE_INSTRUCTOR, plus ROLE_ADMIN for an administrator. An old-style
 * password hash is replaced by the current one at the next successful sign-in.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AccountRepository accounts;
    private final AccountService accountService;

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .map(account -> {
                    List<String> roles = new ArrayList<>(List.of(account.getRole().name()));
                    if (account.isAdmin()) {
                        roles.add("ADMIN");
                    }
                    return User.withUsername(account.getUsername())
                            .password(account.getPasswordHash())
                            .roles(roles.toArray(String[]::new))
                            .build();
                })
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        accountService.replaceHash(user.getUsername(), newPassword);
        return User.withUserDetails(user).password(newPassword).build();
    }
}
