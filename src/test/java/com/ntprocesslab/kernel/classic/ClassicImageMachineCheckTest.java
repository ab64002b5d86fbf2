package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.io.ImageDescriptor;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Audit 16 rows 36 and 83: XP SP3's CreateProcessInternalW compares the image's Machine with
 * SharedUserData's ImageNumberLow/High (seed 003, the disassembly after NtQuerySection and IFEO:
 * {@code cmp ax, ds:7FFE002Ch / jb}, {@code cmp ax, ds:7FFE002Eh / ja}, then the subsystem
 * version and BasepIsImageVersionOk). Outside the range, seed 004's CreateProcessW (listing
 * lines 998-1055) raises NtRaiseHardError(STATUS_IMAGE_MACHINE_TYPE_MISMATCH_EXE, 1 parameter,
 * mask 1, &PathName, OptionOk) and fails with ERROR_BAD_EXE_FORMAT when the caller's own PEB
 * ImageSubsystemMajorVersion is 3 or less, else ERROR_EXE_MACHINE_TYPE_MISMATCH; the section is
 * closed on the way out (listing lines 1686-1688), the file was closed after NtCreateSection
 * (line 571).
 */
class ClassicImageMachineCheckTest {
    private static final String X64_TOOL = ".call explorer.exe CreateProcessW C:\\Tools\\x64tool.exe";

    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    @Test
    void theXpVolumeCarriesAnAmd64Tool() {
        ImageDescriptor image = machine.kernel().volume.find("C:\\Tools\\x64tool.exe").image();
        assertThat(image.machine()).isEqualTo(0x8664);
        assertThat(machine.execute("dd 7ffe002c L1").output()).contains("014c014c");
    }

    @Test
    void theMachineCheckIsItsOwnStepAfterIfeoAndBeforeTheSubsystemVersion() {
        List<String> symbols = record(X64_TOOL);

        assertThat(symbols).containsSubsequence("ntdll!NtQuerySection", "ntdll!LdrQueryImageFileExecutionOptions",
                "ntdll!NtRaiseHardError", "nt!KiFastCallEntry", "nt!NtRaiseHardError", "nt!ExpRaiseHardError", "ntdll!NtClose");
        assertThat(symbols).doesNotContain("kernel32!BasepIsImageVersionOk", "ntdll!NtCreateProcessEx", "kernel32!LoadLibraryA");
    }

    @Test
    void anI386ImageRaisesNoHardError() {
        List<String> symbols = record(".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");

        assertThat(symbols).doesNotContain("nt!NtRaiseHardError");
        assertThat(symbols).containsSubsequence("ntdll!LdrQueryImageFileExecutionOptions", "kernel32!BasepIsImageVersionOk");
    }

    @Test
    void aSubsystem5CallerGetsErrorExeMachineTypeMismatchAndSeesTheHardError() {
        CommandResult r = LabMachine.ok(machine, X64_TOOL);

        assertThat(r.output()).contains("returned FALSE")
                .contains("NtRaiseHardError: STATUS_IMAGE_MACHINE_TYPE_MISMATCH_EXE (0x40000023) '\\??\\C:\\Tools\\x64tool.exe'")
                .contains("ResponseReturnToCaller")
                .contains("LastError: 0xd8 (ERROR_EXE_MACHINE_TYPE_MISMATCH)");
    }

    @Test
    void aSubsystem3CallerGetsErrorBadExeFormat() {
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        ImageDescriptor own = explorer.sectionObject.image;
        explorer.sectionObject.image = new ImageDescriptor(own.machine(), own.subsystem(), "3.10", own.imageBase(), own.sizeOfImage(),
                own.addressOfEntryPoint(), own.sizeOfStackReserve(), own.sizeOfStackCommit(), own.dll(), own.imports(), own.script());

        CommandResult r = LabMachine.ok(machine, X64_TOOL);

        assertThat(r.output()).contains("returned FALSE").contains("STATUS_IMAGE_MACHINE_TYPE_MISMATCH_EXE")
                .contains("LastError: 0xc1 (ERROR_BAD_EXE_FORMAT)");
    }

    @Test
    void theRefusalLeavesNoProcessHandleOrReference() {
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        int processes = machine.kernel().processes().size();
        int handles = explorer.objectTable.handleCount();
        int objects = machine.kernel().objects.size();

        LabMachine.ok(machine, X64_TOOL);

        assertThat(machine.kernel().processes()).hasSize(processes);
        assertThat(explorer.objectTable.handleCount()).isEqualTo(handles);
        assertThat(machine.kernel().objects).hasSize(objects);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    private List<String> record(String command) {
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        LabMachine.ok(machine, command);
        machine.engine().setListener(null);
        return symbols;
    }
}
