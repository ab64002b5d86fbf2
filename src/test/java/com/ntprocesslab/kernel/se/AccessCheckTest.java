package com.ntprocesslab.kernel.se;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.nt.AccessMask;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SeAccessCheck on process objects: the same user at an equal or higher integrity level, or SeDebugPrivilege. */
class AccessCheckTest {

    private static Token token(String user, String integrity, Privilege... privileges) {
        Token token = new Token();
        token.user = user;
        token.integrityLevel = integrity;
        token.privileges.addAll(List.of(privileges));
        return token;
    }

    @Test
    void theSameUserOpensItsOwnProcessesDownToItsIntegrityLevelOnly() {
        Token medium = token("student", "Medium");

        assertThat(AccessCheck.SeAccessCheck(medium, token("student", "Medium"), AccessMask.PROCESS_TERMINATE)).isTrue();
        assertThat(AccessCheck.SeAccessCheck(medium, token("student", "Low"), AccessMask.PROCESS_TERMINATE)).isTrue();
        assertThat(AccessCheck.SeAccessCheck(medium, token("student", "High"), AccessMask.PROCESS_TERMINATE)).isFalse();
        assertThat(AccessCheck.SeAccessCheck(medium, token("SYSTEM", "System"), AccessMask.PROCESS_TERMINATE)).isFalse();
        assertThat(AccessCheck.SeAccessCheck(medium, null, AccessMask.PROCESS_TERMINATE)).isFalse();
    }

    @Test
    void seDebugPrivilegeOpensAnyProcess() {
        Token debugger = token("admin", "High", Privilege.SeDebugPrivilege);

        assertThat(AccessCheck.SeAccessCheck(debugger, token("SYSTEM", "System"), AccessMask.PROCESS_ALL_ACCESS)).isTrue();
        assertThat(AccessCheck.SeAccessCheck(debugger, null, AccessMask.PROCESS_ALL_ACCESS)).isTrue();
    }

    @Test
    void aCopiedTokenHasTheSourcesUserIntegrityAndPrivilegesButNotItsIdentity() {
        Token source = token("student", "Medium", Privilege.SeDebugPrivilege);
        source.sessionId = 1;
        source.tokenId = 0x1234;
        Token copy = new Token();

        copy.copyFrom(source);
        source.privileges.clear();

        assertThat(copy.user).isEqualTo("student");
        assertThat(copy.integrityLevel).isEqualTo("Medium");
        assertThat(copy.sessionId).isEqualTo(1);
        assertThat(copy.has(Privilege.SeDebugPrivilege)).isTrue();
        assertThat(copy.tokenId).isZero();
    }
}
