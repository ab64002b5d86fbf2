package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 row 3.74 (section 5, audit-20): in ring 3 KiUserApcDispatcher calls
 * LdrInitializeThunk and then ZwContinue(context, 1). XP's ntdll exports ZwContinue and
 * NtContinue at one address (one system-call stub; ReactOS's ntdll.spec lists both names for
 * each service), so x, ln, bp and uf take the Zw name and mean the Nt stub.
 */
class ClassicZwContinueTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    private String run(String command) {
        return LabMachine.ok(machine, command).output();
    }

    @Test
    void xListsZwContinueAtNtContinuesAddress() {
        String nt = run("x ntdll!NtContinue").split(" ")[0];

        assertThat(run("x ntdll!ZwContinue")).isEqualTo(nt + " ntdll!ZwContinue (ZwContinue)");
        assertThat(run("x ntdll!*Continue")).contains(nt + " ntdll!NtContinue (NtContinue)\n" + nt + " ntdll!ZwContinue (ZwContinue)");
    }

    @Test
    void lnNamesBothExportsAsExactMatches() {
        assertThat(run("ln ntdll!ZwContinue")).contains("Exact matches:\n    ntdll!NtContinue (NtContinue)\n    ntdll!ZwContinue (ZwContinue)");
    }

    @Test
    void aBreakpointOnZwContinueStopsWhereTheDispatcherContinuesTheThread() {
        run("bp ntdll!ZwContinue");
        assertThat(run("bl")).contains(run("x ntdll!NtContinue").split(" ")[0]);

        String out = run(".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");

        assertThat(out).contains("Breakpoint 0 hit\nntdll!NtContinue:");
        assertThat(run("k")).contains("ntdll!KiUserApcDispatcher+");
    }

    @Test
    void bmOverBothNamesSetsOneBreakpoint() {
        assertThat(run("bm ntdll!*Continue").lines().filter(l -> l.contains("Continue\"")).count()).isEqualTo(2);
        assertThat(run("bl").lines().count()).isEqualTo(2);
    }

    @Test
    void ufOfZwContinueShowsTheStub() {
        // the XP SP3 stub calls through SharedUserData!SystemCall into KiFastSystemCall, whose sysenter enters KiFastCallEntry
        assertThat(run("uf ntdll!ZwContinue")).startsWith("ntdll!NtContinue:").contains("call    ntdll!KiFastSystemCall");
    }
}
