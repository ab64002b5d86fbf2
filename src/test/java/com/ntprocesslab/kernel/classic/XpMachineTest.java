package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.csr.CsrServer;
import com.ntprocesslab.kernel.io.ImageDescriptor;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.mm.LdrEntry;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classic machine is Windows XP SP3 on x86 underneath (issue 16): 32-bit addresses, XP's
 * bases and boot tree, its PEB version, no KernelBase, and dt at XP SP3's offsets
 * (StructLayouts cites the listings they come from).
 */
class XpMachineTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    /** A dt line: WinDbg pads the field name to 16 columns, then " : ". */
    private static String f(int offset, String name, String value) {
        return String.format("   +0x%03x %-16s : %s", offset, name, value);
    }

    @Test
    void bootsXpsProcessTreeInOneSession() {
        List<String> images = machine.kernel().processes().stream().map(p -> p.imageFileName).toList();
        assertThat(images).containsExactly("System", "smss.exe", "csrss.exe", "winlogon.exe", "services.exe", "lsass.exe",
                "svchost.exe", "explorer.exe");
        EProcess smss = LabMachine.process(machine, "smss.exe");
        EProcess winlogon = LabMachine.process(machine, "winlogon.exe");
        assertThat(LabMachine.process(machine, "csrss.exe").inheritedFromUniqueProcessId).isEqualTo(smss.uniqueProcessId);
        assertThat(winlogon.inheritedFromUniqueProcessId).isEqualTo(smss.uniqueProcessId);
        assertThat(LabMachine.process(machine, "services.exe").inheritedFromUniqueProcessId).isEqualTo(winlogon.uniqueProcessId);
        assertThat(LabMachine.process(machine, "lsass.exe").inheritedFromUniqueProcessId).isEqualTo(winlogon.uniqueProcessId);
        assertThat(LabMachine.process(machine, "svchost.exe").inheritedFromUniqueProcessId)
                .isEqualTo(LabMachine.process(machine, "services.exe").uniqueProcessId);
        for (EProcess p : machine.kernel().processes()) {
            assertThat(p.sessionId).as(p.describe()).isEqualTo(p.systemProcess || p == smss ? -1 : 0);
        }
        assertThat(machine.kernel().csrServers).hasSize(1);
        CsrServer session0 = machine.kernel().csrServers.get(0);
        assertThat(session0.processes.stream().map(p -> p.imageName))
                .containsExactly("csrss.exe", "winlogon.exe", "services.exe", "lsass.exe", "svchost.exe", "explorer.exe");
        assertThat(LabMachine.process(machine, "explorer.exe").token.user).isEqualTo("NTLAB\\student");
    }

    @Test
    void everyKernelAddressIsA32BitSystemAddress() {
        EProcess system = LabMachine.process(machine, "System");
        assertThat(system.address).isEqualTo(0x822d3040L);
        assertThat(system.objectTable.address).isEqualTo(0xe1003c40L);
        assertThat(machine.kernel().idleProcess.address).isEqualTo(0x80554a80L);
        for (KernelObject o : machine.kernel().objects.values()) {
            assertThat(o.address).as(o.describe()).isBetween(0x80000000L, 0xffffffffL);
        }
        assertThat(LabMachine.ok(machine, "x nt!KiFastCallEntry").output()).matches("804d[0-9a-f]{4} nt!KiFastCallEntry \\(KiFastCallEntry\\)");
        assertThat(LabMachine.ok(machine, "x kernel32!CreateProcessInternalW").output()).startsWith("7c8");
        assertThat(LabMachine.ok(machine, "x ntdll!NtCreateProcessEx").output()).startsWith("7c9");
        assertThat(machine.execute("x KERNELBASE!*").output()).contains("no module named KERNELBASE");
    }

    @Test
    void userModeSeesXpsPebTebsVersionAndModules() {
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        assertThat(explorer.peb.address).isEqualTo(0x7ffdf000L);
        assertThat(explorer.peb.osMajorVersion).isEqualTo(5);
        assertThat(explorer.peb.osMinorVersion).isEqualTo(1);
        assertThat(explorer.peb.osBuildNumber).isEqualTo(2600);
        EThread first = explorer.threadListHead.owners().get(0);
        assertThat(first.teb.address).isEqualTo(0x7ffde000L);
        assertThat(explorer.peb.ldr.inLoadOrderModuleList).extracting(LdrEntry::baseDllName).doesNotContain("KernelBase.dll");
        assertThat(explorer.peb.ldr.inLoadOrderModuleList).filteredOn(e -> e.baseDllName().equals("ntdll.dll"))
                .extracting(LdrEntry::dllBase).containsExactly(0x7c900000L);
        assertThat(explorer.peb.ldr.inLoadOrderModuleList).filteredOn(e -> e.baseDllName().equals("kernel32.dll"))
                .extracting(LdrEntry::dllBase).containsExactly(0x7c800000L);
        // every image is i386 but the one AMD64 tool kept for CreateProcess's machine check (ClassicImageMachineCheckTest)
        for (VolumeFile file : machine.kernel().volume.files()) {
            if (file.isImage() && !file.path().equals("C:\\Tools\\x64tool.exe")) {
                assertThat(file.image().machine()).as(file.path()).isEqualTo(ImageDescriptor.IMAGE_FILE_MACHINE_I386);
            }
        }
        assertThat(machine.kernel().volume.find("C:\\Windows\\System32\\KernelBase.dll")).isNull();
        String peb = LabMachine.ok(machine, ".process " + Long.toHexString(explorer.address)).output() + LabMachine.ok(machine, "!peb").output();
        assertThat(peb).contains("PEB at 7ffdf000", "7c900000 C:\\Windows\\System32\\ntdll.dll");
        // !peb prints no OS version (dtPrintsXpSp3OffsetsAndSizes reads it from the PEB with dt)
        assertThat(peb).doesNotContain("OSMajorVersion");
    }

    @Test
    void processDumpUsesWinDbgsX86Layout() {
        assertThat(LabMachine.ok(machine, "!process 0 0").output()).contains(
                "PROCESS 822d3040  SessionId: none  Cid: 0004    Peb: 00000000  ParentCid: 0000\n"
                        + "    DirBase: 001ad000  ObjectTable: e1003c40  HandleCount: 2.\n    Image: System",
                "SessionId: 0  Cid: 0024    Peb: 7ffdf000  ParentCid: 001c");
    }

    @Test
    void dtPrintsXpSp3OffsetsAndSizes() {
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        EThread thread = explorer.threadListHead.owners().get(0);
        String eprocess = LabMachine.ok(machine, "dt nt!_EPROCESS " + Long.toHexString(explorer.address)).output();
        assertThat(eprocess).startsWith("nt!_EPROCESS (0x260 bytes)\n   +0x000 Pcb").contains(
                "   +0x070 CreateTime", f(0x084, "UniqueProcessId", "0x000000") + Long.toHexString(explorer.uniqueProcessId) + " Void",
                "   +0x088 ActiveProcessLinks", "   +0x0bc DebugPort", "   +0x0c0 ExceptionPort", "   +0x0c4 ObjectTable",
                f(0x0c8, "Token", "_EX_FAST_REF"), "   +0x11c VadRoot", "   +0x138 SectionObject",
                f(0x13c, "SectionBaseAddress", "0x01000000"), "   +0x14c InheritedFromUniqueProcessId",
                "   +0x170 Session", f(0x174, "ImageFileName", "[16]  \"explorer.exe\""), "   +0x190 ThreadListHead",
                "   +0x1a0 ActiveThreads", "   +0x1a4 GrantedAccess", "   +0x1a8 DefaultHardErrorProcessing",
                f(0x1b0, "Peb", "0x7ffdf000 _PEB"), "   +0x24c ExitStatus", "   +0x254 PriorityClass")
                .doesNotContain("+0x87c", "`", "_RTL_AVL_TREE");
        String ethread = LabMachine.ok(machine, "dt nt!_ETHREAD " + Long.toHexString(thread.address)).output();
        assertThat(ethread).startsWith("nt!_ETHREAD (0x258 bytes)").contains("   +0x1c0 CreateTime", "   +0x1d0 ExitStatus",
                "   +0x1ec Cid", "   +0x220 ThreadsProcess", "   +0x224 StartAddress", "   +0x228 Win32StartAddress",
                "   +0x22c ThreadListEntry", "   +0x244 GrantedAccess");
        String kthread = LabMachine.ok(machine, "dt nt!_KTHREAD " + Long.toHexString(thread.address)).output();
        assertThat(kthread).contains("   +0x018 InitialStack", "   +0x01c StackLimit", f(0x020, "Teb", "0x7ffde000 Void"),
                "   +0x028 KernelStack", "   +0x02d State", "   +0x033 Priority", "   +0x034 ApcState", "   +0x044 ApcState.Process",
                "   +0x05b WaitReason", "   +0x06c BasePriority", "   +0x134 TrapFrame", "   +0x140 PreviousMode",
                "   +0x165 ApcStateIndex", "   +0x168 StackBase", "   +0x1b9 SuspendCount");
        assertThat(LabMachine.ok(machine, "dt nt!_KPROCESS " + Long.toHexString(explorer.address)).output())
                .contains("   +0x018 DirectoryTableBase", "   +0x050 ThreadListHead", "   +0x062 BasePriority");
        LabMachine.ok(machine, ".process /p /r " + Long.toHexString(explorer.address));
        assertThat(LabMachine.ok(machine, "dt nt!_PEB 7ffdf000").output()).isNotEmpty();
        String peb = LabMachine.ok(machine, "dt nt!_PEB " + Long.toHexString(explorer.peb.address)).output();
        assertThat(peb).contains("   +0x008 ImageBaseAddress", "   +0x00c Ldr", "   +0x010 ProcessParameters",
                f(0x0a4, "OSMajorVersion", "5"), f(0x0a8, "OSMinorVersion", "1"),
                f(0x0ac, "OSBuildNumber", "0xa28"), "   +0x1d4 SessionId");
        String teb = LabMachine.ok(machine, "dt nt!_TEB 7ffde000").output();
        assertThat(teb).contains("   +0x004 NtTib.StackBase", "   +0x008 NtTib.StackLimit", "   +0x020 ClientId",
                "   +0x030 ProcessEnvironmentBlock", "   +0x034 LastErrorValue", "   +0xbf4 LastStatusValue");
        assertThat(LabMachine.ok(machine, "dt nt!_HANDLE_TABLE " + Long.toHexString(explorer.objectTable.address)).output())
                .contains("   +0x004 QuotaProcess", "   +0x008 UniqueProcessId", "   +0x038 NextHandleNeedingPool", "   +0x03c HandleCount");
        assertThat(LabMachine.ok(machine, "dt nt!_OBJECT_HEADER " + Long.toHexString(explorer.address - 0x18)).output())
                .contains("   +0x000 PointerCount", "   +0x004 HandleCount", "   +0x008 Type", "   +0x018 Body");
    }
}
