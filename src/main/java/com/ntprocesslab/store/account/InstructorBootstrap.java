package com.ntprocesslab.store.account;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the very first start (no accounts at all) creates the instructor account with a random
 * password and prints it once: there is no default password anybody could guess.
 */
@Component
class InstructorBootstrap implements ApplicationRunner {

    static final String INSTRUCTOR_USERNAME = "instructor";
    private static final Logger log = LoggerFactory.getLogger(InstructorBootstrap.class);

    private final AccountRepository accounts;
    private final AccountService accountService;

    InstructorBootstrap(AccountRepository accounts, AccountService accountService) {
        this.accounts = accounts;
        this.accountService = accountService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        accountService.create(INSTRUCTOR_USERNAME, password, Role.INSTRUCTOR);
        log.warn("First start: created the instructor account '{}' with password '{}'. It is shown only this once.",
                INSTRUCTOR_USERNAME, password);
    }
}
