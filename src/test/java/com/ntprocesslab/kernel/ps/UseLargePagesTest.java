package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IFEO\<image>\UseLargePages on the modern profile. Seed 001 (Windows Internals, stage 3A)
 * names it among the IFEO values PspAllocateProcess sets the new EPROCESS from; like
 * NtCreateProcessEx's PROCESS_CREATE_FLAGS_LARGE_PAGES it needs the creator's
 * SeLockMemoryPrivilege (phnt ntpsapi.h; Microsoft Learn, Large-Page Support: "Obtain the
 * SeLockMemoryPrivilege privilege"), and WRK's PspCreateProcess records the outcome in
 * InitialPeb.ImageUsesLargePages, the PEB's BitField bit 0.
 */
class UseLargePagesTest {
    private static final String IFEO = "\"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\notepad.exe\"";
    private final Machine machine = LabMachine.boot();

    @Test
    void withoutTheValueTheImageUsesSmallPages() {
        EProcess notepad = create("lsass.exe");

        assertThat(notepad.peb.imageUsesLargePages).isFalse();
        assertThat(dtPeb(notepad)).contains("+0x003 ImageUsesLargePages : 0y0");
    }

    /** lsass.exe runs as LocalSystem, which holds SeLockMemoryPrivilege (services.exe's one thread serves the SCM port, non-alertably, so .call cannot borrow it). */
    @Test
    void aCreatorWithSeLockMemoryPrivilegeGetsLargePages() {
        LabMachine.ok(machine, ".reg add " + IFEO + " UseLargePages 1");

        EProcess notepad = create("lsass.exe");

        assertThat(notepad.peb.imageUsesLargePages).isTrue();
        assertThat(dtPeb(notepad)).contains("+0x003 ImageUsesLargePages : 0y1");
    }

    /** explorer's user token lacks SeLockMemoryPrivilege: the request is ignored and creation still succeeds. */
    @Test
    void aCreatorWithoutThePrivilegeGetsSmallPagesAndTheCreationSucceeds() {
        LabMachine.ok(machine, ".reg add " + IFEO + " UseLargePages 1");

        assertThat(create("explorer.exe").peb.imageUsesLargePages).isFalse();
    }

    /** Zero, or something that is no DWORD, is no request. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "abc"})
    void zeroOrANonNumberIsNoRequest(String data) {
        LabMachine.ok(machine, ".reg add " + IFEO + " UseLargePages " + data);

        assertThat(create("lsass.exe").peb.imageUsesLargePages).isFalse();
    }

    private EProcess create(String creator) {
        String out = LabMachine.ok(machine, ".call " + creator + " CreateProcessW notepad.exe CREATE_SUSPENDED").output();
        assertThat(out).contains("returned TRUE");
        return LabMachine.process(machine, "notepad.exe");
    }

    private String dtPeb(EProcess p) {
        return LabMachine.ok(machine, "dt nt!_PEB " + machine.kernel().platform.pointer(p.peb.address)).output();
    }
}
