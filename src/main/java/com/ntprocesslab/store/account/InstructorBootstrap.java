package com.ntprocesslab.store.account;

import com.ntprocesslab.store.InputRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the very first start (no accounts at all) creates the instructor account, which is also
 * the administrator. Its password comes from {@code NTLAB_ADMIN_PASSWORD} when that is set
 * (and is then never written anywhere); otherwise a random one is written to a file only the
 * server's user can read, in the data folder, and the log says where: the password itself
 * never reaches a log, which is often collected and kept far longer than the secret should be.
 */
@Component
class InstructorBootstrap implements ApplicationRunner {

    static final String INSTRUCTOR_USERNAME = "instructor";
    static final String PASSWORD_FILE = "first-start-password.txt";
    private static final Logger log = LoggerFactory.getLogger(InstructorBootstrap.class);

    private final AccountRepository accounts;
    private final AccountService accountService;
    private final String configuredPassword;
    private final Path dataFolder;

    InstructorBootstrap(AccountRepository accounts, AccountService accountService,
                        @Value("${ntlab.admin.password:}") String configuredPassword,
                        @Value("${ntlab.data.path:./data}") Path dataFolder) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.configuredPassword = configuredPassword;
        this.dataFolder = dataFolder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        if (!configuredPassword.isEmpty()) {
            try {
                accountService.createAdministrator(INSTRUCTOR_USERNAME, configuredPassword);
            } catch (InputRejectedException rejected) {
                throw new IllegalStateException("NTLAB_ADMIN_PASSWORD is not accepted: " + rejected.getMessage());
            }
            log.warn("First start: created the administrator '{}' with the password from NTLAB_ADMIN_PASSWORD.", INSTRUCTOR_USERNAME);
            return;
        }
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        accountService.createAdministrator(INSTRUCTOR_USERNAME, password);
        Path file = writeOwnerOnly(dataFolder.resolve(PASSWORD_FILE), password);
        log.warn("First start: created the administrator '{}'. Its password is in {} (readable by this user only); "
                + "sign in, change it on the profile page and delete the file.", INSTRUCTOR_USERNAME, file.toAbsolutePath());
    }

    private static Path writeOwnerOnly(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the first-start password to " + file, e);
        }
    }
}
