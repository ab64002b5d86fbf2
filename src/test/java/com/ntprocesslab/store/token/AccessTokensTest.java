package com.ntprocesslab.store.token;

import com.ntprocesslab.store.InputRejectedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.store.access.AccessRefusedException;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Personal access tokens against a real H2 database: only their hash at rest, and only their owner lists or revokes them. */
@SpringBootTest
class AccessTokensTest {

    private static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    AccessTokens tokens;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyTheHashOfATokenIsStored() {
        String owner = account();
        CreatedAccessToken created = tokens.create(owner, "  ci job  ");

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM access_token WHERE id = ?", created.token().getId());

        assertThat(created.token().getName()).isEqualTo("ci job");
        assertThat(row.get("TOKEN_HASH")).isEqualTo(AccessTokens.sha256(created.secret()));
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(created.secret().substring(10)));
        assertThat(tokens.authenticate(created.secret())).contains(new TokenHolder(created.token().getId(), owner));
        assertThat(tokens.create(owner, "ci job").secret()).as("every token is random").isNotEqualTo(created.secret());
    }

    @Test
    void nobodyButTheOwnerListsOrRevokesAToken() {
        String owner = account();
        String other = account();
        CreatedAccessToken created = tokens.create(owner, "mine");
        long id = created.token().getId();

        assertThat(tokens.activeTokens(other)).isEmpty();
        assertThatThrownBy(() -> tokens.revoke(other, id)).isInstanceOf(AccessTokenNotFoundException.class)
                .hasMessage("Token " + id + " was not found.");
        assertThatThrownBy(() -> tokens.revoke(other, 987_654_321L)).isInstanceOf(AccessTokenNotFoundException.class)
                .hasMessage("Token 987654321 was not found.");
        assertThatThrownBy(() -> tokens.revoke("nobody-at-all", id)).isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> tokens.create("nobody-at-all", "x")).isInstanceOf(AccessRefusedException.class);
        assertThat(tokens.authenticate(created.secret())).as("still works").isPresent();

        tokens.revoke(owner, id);

        assertThat(tokens.authenticate(created.secret())).isEmpty();
        assertThat(tokens.activeTokens(owner)).isEmpty();
        assertThatThrownBy(() -> tokens.revoke(owner, id)).as("revoked once").isInstanceOf(AccessTokenNotFoundException.class);
    }

    @Test
    void aBadNameOrTooManyTokensAreRefusedAndCreateNothing() {
        String owner = account();

        for (String name : List.of("", "   ", "x".repeat(AccessTokens.MAX_NAME_LENGTH + 1), "line\nbreak")) {
            assertThatThrownBy(() -> tokens.create(owner, name)).isInstanceOf(InputRejectedException.class)
                    .hasMessage("A token needs a name of 1 to 64 characters: say where you use it, e.g. grading script.");
        }
        assertThat(tokens.activeTokens(owner)).isEmpty();
        for (int i = 0; i < AccessTokens.MAX_ACTIVE_PER_ACCOUNT; i++) {
            tokens.create(owner, "token " + i);
        }
        assertThatThrownBy(() -> tokens.create(owner, "one more")).isInstanceOf(InputRejectedException.class)
                .hasMessage("You have 20 tokens already; revoke one you no longer use first.");
        assertThat(tokens.activeTokens(owner)).hasSize(AccessTokens.MAX_ACTIVE_PER_ACCOUNT);
    }

    @Test
    void malformedTokensSpeakForNobody() {
        for (String presented : List.of("", "ntlab_", "ntlab_" + "A".repeat(43), "Bearer x", "ntlab_" + "A".repeat(500))) {
            assertThat(tokens.authenticate(presented)).as(presented).isEmpty();
        }
        assertThat(tokens.authenticate(null)).isEmpty();
    }

    private String account() {
        String name = "token-owner-" + ProcessHandle.current().pid() + "-" + USERS.incrementAndGet();
        accounts.create(name, "token-pass-8080", Role.STUDENT);
        return name;
    }
}
