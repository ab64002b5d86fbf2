package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.csr.CsrProcess;
import com.ntprocesslab.kernel.csr.CsrServer;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.se.Privilege;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The modern kernel boots Windows 10's tree (two sessions, wininit); the classic one boots
 * Windows XP's (one session, winlogon starting services and lsass): XpMachineTest checks that one.
 */
class SystemInitializationTest {
    @ParameterizedTest
    @EnumSource(value = Profile.class, names = "MODERN")
    void bootCreatesTheDefaultProcessTreeThroughThePipeline(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        List<String> images = machine.kernel().processes().stream().map(p -> p.imageFileName).toList();
        // Registry and Memory Compression: Windows 10's minimal processes (MinimalProcessesTest)
        assertThat(images).containsExactly("System", "Registry", "smss.exe", "csrss.exe", "wininit.exe", "services.exe", "lsass.exe",
                "csrss.exe", "MemCompression", "winlogon.exe", "explorer.exe");
        EProcess system = LabMachine.process(machine, "System");
        assertThat(system.uniqueProcessId).isEqualTo(4);
        assertThat(machine.kernel().idleProcess.uniqueProcessId).isZero();
        EProcess smss = LabMachine.process(machine, "smss.exe");
        assertThat(smss.inheritedFromUniqueProcessId).isEqualTo(4);
        assertThat(smss.sessionId).isEqualTo(-1);
        for (String child : List.of("csrss.exe", "wininit.exe", "winlogon.exe")) {
            assertThat(LabMachine.process(machine, child).inheritedFromUniqueProcessId).isEqualTo(smss.uniqueProcessId);
        }
        EProcess wininit = LabMachine.process(machine, "wininit.exe");
        assertThat(LabMachine.process(machine, "services.exe").inheritedFromUniqueProcessId).isEqualTo(wininit.uniqueProcessId);
        assertThat(LabMachine.process(machine, "lsass.exe").inheritedFromUniqueProcessId).isEqualTo(wininit.uniqueProcessId);
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = "MODERN")
    void explorerIsOrphanedByTheTransientUserinitAndRunsWithTheUserToken(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        assertThat(LabMachine.processByPid(machine.kernel(), explorer.inheritedFromUniqueProcessId)).isNull();
        assertThat(explorer.sessionId).isEqualTo(1);
        assertThat(explorer.token.user).isEqualTo("NTLAB\\student");
        assertThat(explorer.token.has(Privilege.SeDebugPrivilege)).isFalse();
        assertThat(LabMachine.process(machine, "lsass.exe").token.user).isEqualTo("NT AUTHORITY\\SYSTEM");
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = "MODERN")
    void everyGuestThreadEndsBootWaitingWithItsLoaderListsBuilt(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        for (EProcess p : machine.kernel().processes()) {
            for (EThread t : p.threadListHead.owners()) {
                // csrss's first thread ends itself after CsrServerInitialization (ReactOS csrss.c _main); smss's handle keeps it listed
                boolean csrssFirst = p.imageFileName.equals("csrss.exe") && t == p.threadListHead.owners().get(0);
                assertThat(t.tcb.state).as(t.describe()).isEqualTo(csrssFirst ? KThreadState.Terminated : KThreadState.Waiting);
            }
            if (!p.systemProcess) {
                assertThat(p.peb.ldr.initialized).as(p.describe()).isTrue();
                assertThat(p.peb.ldr.inLoadOrderModuleList.get(0).baseDllName()).isEqualTo(p.imageFileName);
                assertThat(p.peb.ldr.inLoadOrderModuleList.get(1).baseDllName()).isEqualTo("ntdll.dll");
            }
        }
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        assertThat(explorer.peb.ldr.inInitializationOrderModuleList.stream().map(e -> e.baseDllName()))
                .containsExactly("ntdll.dll", "KernelBase.dll", "kernel32.dll", "user32.dll");
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = "MODERN")
    void csrssOfEachSessionKnowsItsWin32ProcessesAtShutdownLevel0x280(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        CsrServer session0 = machine.kernel().csrServers.get(0);
        CsrServer session1 = machine.kernel().csrServers.get(1);
        assertThat(session0.processes.stream().map(p -> p.imageName)).containsExactly("csrss.exe", "wininit.exe", "services.exe", "lsass.exe");
        assertThat(session0.sessionProcessCount).isEqualTo(3);
        assertThat(session1.processes.stream().map(p -> p.imageName)).containsExactly("csrss.exe", "winlogon.exe", "explorer.exe");
        assertThat(session1.sessionProcessCount).isEqualTo(2);
        for (CsrProcess p : session0.processes) {
            assertThat(p.shutdownLevel).isEqualTo(0x280);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = "MODERN")
    void systemHasTheWellKnownAddressesAndIdsTheDumpShows(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        EProcess system = LabMachine.process(machine, "System");
        assertThat(system.address).isEqualTo(0xffffa08f1c2d3040L);
        assertThat(system.objectTable.address).isEqualTo(0xffffa08f0a003c40L);
        assertThat(system.pcb.directoryTableBase).isEqualTo(0x1ad000L);
        assertThat(system.threadListHead.owners().get(0).uniqueThread).isEqualTo(8);
    }
}
