package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 5 / seed 000: explorer opens the desktop's Notepad shortcut on a shell worker
 * thread it creates with CreateThread (SHCreateThread, start routine shcore!_WrapperThreadProc),
 * and the stack at nt!MmCreateProcessAddressSpace is seed 000's, frame by frame, with its
 * offsets. The expected frames are read out of the seed file itself.
 */
class ShellWorkerSeed000Test {

    /** The "Call Site" column of the first k in seed 000, frame 00 to 1f. */
    private static List<String> seedFrames() throws IOException {
        Path seeds = Path.of("/work/shared/seeds");
        String text;
        try (var files = Files.list(seeds)) {
            Path seed = files.filter(p -> p.getFileName().toString().startsWith("000_")).findFirst().orElse(null);
            text = seed == null ? null : Files.readString(seed);
        }
        if (text == null) {
            // the seeds are not shipped with the repository: the list as seed 000 prints it
            return SEED_000;
        }
        String line = text.lines().filter(l -> l.contains("nt!PspAllocateProcess+0x13ec")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("[0-9a-f]{2} [0-9a-f]{8}`[0-9a-f]{8} [0-9a-f]{8}`[0-9a-f]{8} (\\S+)").matcher(line);
        List<String> frames = new ArrayList<>();
        while (m.find()) {
            frames.add(m.group(1));
            if (m.group(1).startsWith("ntdll!RtlUserThreadStart")) {
                break;
            }
        }
        return frames;
    }

    private static final List<String> SEED_000 = List.of("nt!MmCreateProcessAddressSpace", "nt!PspAllocateProcess+0x13ec",
            "nt!NtCreateUserProcess+0xa1a", "nt!KiSystemServiceCopyEnd+0x25", "ntdll!NtCreateUserProcess+0x14",
            "KERNELBASE!CreateProcessInternalW+0xfe3", "KERNELBASE!CreateProcessW+0x66", "KERNEL32!CreateProcessWStub+0x54",
            "windows_storage!CInvokeCreateProcessVerb::CallCreateProcess+0x2cd",
            "windows_storage!CInvokeCreateProcessVerb::_PrepareAndCallCreateProcess+0x2d6",
            "windows_storage!CInvokeCreateProcessVerb::_TryCreateProcess+0x3c", "windows_storage!CInvokeCreateProcessVerb::Launch+0xef",
            "windows_storage!CInvokeCreateProcessVerb::Execute+0x5d", "windows_storage!CBindAndInvokeStaticVerb::InitAndCallExecute+0x214",
            "windows_storage!CBindAndInvokeStaticVerb::TryCreateProcessDdeHandler+0x63", "windows_storage!CBindAndInvokeStaticVerb::Execute+0x1e7",
            "windows_storage!RegDataDrivenCommand::_TryInvokeAssociation+0xad", "windows_storage!RegDataDrivenCommand::_Invoke+0x141",
            "SHELL32!CRegistryVerbsContextMenu::_Execute+0xce", "SHELL32!CRegistryVerbsContextMenu::InvokeCommand+0xaa",
            "SHELL32!HDXA_LetHandlerProcessCommandEx+0x10c", "SHELL32!CDefFolderMenu::InvokeCommand+0x13d",
            "windows_storage!CShellLink::_InvokeDirect+0x1d0", "windows_storage!CShellLink::_ResolveAndInvoke+0x202",
            "windows_storage!CShellLink::InvokeCommand+0x1aa", "SHELL32!HDXA_LetHandlerProcessCommandEx+0x10c",
            "SHELL32!CDefFolderMenu::InvokeCommand+0x13d", "SHELL32!SHInvokeCommandOnContextMenu2+0x1f5", "SHELL32!s_DoInvokeVerb+0xc9",
            "shcore!_WrapperThreadProc+0xe9", "KERNEL32!BaseThreadInitThunk+0x14", "ntdll!RtlUserThreadStart+0x21");

    @Test
    void explorerOpensTheShortcutOnAShellWorkerWhoseStackIsSeed000s() throws IOException {
        assertThat(seedFrames()).isEqualTo(SEED_000);
        Machine machine = LabMachine.boot(Profile.MODERN);
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        EThread main = explorer.threadListHead.owners().get(0);
        LabMachine.ok(machine, "bu nt!MmCreateProcessAddressSpace");

        // the call returns at once: SEE_MASK_ASYNCOK, the verb runs on the new thread
        String call = LabMachine.ok(machine, ".call explorer.exe ShellExecuteExW C:\\Users\\student\\Desktop\\Notepad.lnk").output();
        assertThat(call).contains("returned TRUE");
        assertThat(explorer.threadListHead.owners()).hasSize(2);
        EThread worker = explorer.threadListHead.owners().get(1);
        assertThat(worker.startRoutine).isEqualTo("shcore!_WrapperThreadProc");
        // SHCreateThread closed its handle to the worker
        assertThat(worker.handleCount).isZero();

        String hit = LabMachine.ok(machine, "g").output();
        assertThat(hit).startsWith("Breakpoint 0 hit\nnt!MmCreateProcessAddressSpace:");
        assertThat(LabMachine.currentThread(machine)).isEqualTo("thread 0x" + Long.toHexString(worker.uniqueThread) + " of explorer.exe");
        List<String> frames = LabMachine.ok(machine, "k").output().lines().skip(1)
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
        assertThat(frames).isEqualTo(seedFrames());
        // every caller is possible: no wait frame under the CreateProcessW chain
        assertThat(frames).noneMatch(f -> f.contains("WaitForSingleObject"));
        assertThat(main.tcb.state).isEqualTo(KThreadState.Waiting);

        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "g");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.inheritedFromUniqueProcessId).isEqualTo(explorer.uniqueProcessId);
        // the worker closed both handles CreateProcessW gave it (csrss keeps its own) and returned, so its thread has exited
        assertThat(explorer.objectTable.handles()).noneMatch(h -> explorer.objectTable.lookup(h).object() == notepad);
        assertThat(worker.tcb.state).isEqualTo(KThreadState.Terminated);
        assertThat(explorer.activeThreads).isEqualTo(1);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void aShortcutThatIsNotThereFailsAndChangesNothing() {
        Machine machine = LabMachine.boot(Profile.MODERN);
        Object before = LabMachine.timeless(machine);
        assertThat(LabMachine.ok(machine, ".call explorer.exe ShellExecuteExW C:\\Users\\student\\Desktop\\Nope.lnk").output())
                .contains("returned FALSE", "ERROR_FILE_NOT_FOUND");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        assertThat(machine.execute(".call explorer.exe ShellExecuteExW C:\\Windows\\System32\\notepad.exe").output())
                .contains("ShellExecuteExW takes one shortcut (.lnk)");
    }

    @Test
    void theClassicMachineHasNoShellToRunIt() {
        Machine machine = LabMachine.boot(Profile.CLASSIC);
        assertThat(LabMachine.ok(machine, ".call explorer.exe ShellExecuteExW C:\\Users\\student\\Desktop\\Notepad.lnk").output())
                .contains("returned FALSE", "0x78");
    }
}
