package com.ntprocesslab.store.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsernameKey(String usernameKey);

    boolean existsByUsernameKey(String usernameKey);

    boolean existsByRole(Role role);

    /** The account of this user name, whatever its case. */
    default Optional<Account> findByUsername(String username) {
        return findByUsernameKey(Account.keyOf(username));
    }

    default boolean existsByUsername(String username) {
        return existsByUsernameKey(Account.keyOf(username));
    }
}
