package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Audit 16 row 91: after BasePushProcessParameters, seed 004's CreateProcessW (listing lines
 * 1365-1402) gives a console child created without bInheritHandles, STARTF_USESTDHANDLES,
 * DETACHED_PROCESS or CREATE_NEW_CONSOLE copies of the caller's std handles: it reads the new
 * PEB's ProcessParameters with NtReadVirtualMemory and, for each of the caller's StandardInput,
 * StandardOutput, StandardError that is no console handle (CONSOLE_HANDLE: low bits 3), calls
 * StuffStdHandle: NtDuplicateObject(DUPLICATE_SAME_ACCESS | DUPLICATE_SAME_ATTRIBUTES) into the
 * child, then NtWriteVirtualMemory of the copy into the child's parameters (ReactOS
 * kernel32 client/proc.c). A NULL handle's duplicate fails and is ignored. CREATE_NO_WINDOW is
 * in the test but masked off dwCreationFlags at the start (line 88; seed 003: and eax,
 * 0F7FFFFFFh), so it does not turn the copies off.
 *
 * The caller is threads.exe (a console program that waits alertably), created by explorer with
 * an inheritable event as hStdOutput and hStdError and bInheritHandles, so its std handles are
 * real handles of its own table and its StandardInput is NULL.
 */
class ClassicStuffStdHandleTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    private EProcess parentWithStdHandles() {
        LabMachine.ok(machine, ".call explorer.exe CreateEventW");
        LabMachine.ok(machine, ".call explorer.exe SetHandleInformation 0xc 1 1");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\threads.exe bInheritHandles=TRUE hStdOutput=0xc hStdError=0xc");
        LabMachine.ok(machine, "g");
        EProcess threads = LabMachine.process(machine, "threads.exe");
        assertThat(threads.peb.standardOutput).isEqualTo(0xc);
        assertThat(threads.objectTable.lookup(0xc)).isNotNull();
        return threads;
    }

    private EProcess child(String image) {
        EProcess found = null;
        for (EProcess p : machine.kernel().processes()) {
            if (p.imageFileName.equalsIgnoreCase(image) && p.inheritedFromUniqueProcessId == LabMachine.process(machine, "threads.exe").uniqueProcessId) {
                found = p;
            }
        }
        return found;
    }

    @Test
    void aConsoleChildGetsCopiesOfTheCallersStdHandles() {
        EProcess threads = parentWithStdHandles();
        HandleEntry event = threads.objectTable.lookup(0xc);
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        LabMachine.ok(machine, ".call threads.exe CreateProcessW C:\\WINDOWS\\system32\\cmd.exe CREATE_SUSPENDED");
        machine.engine().setListener(null);

        assertThat(symbols).containsSubsequence("kernel32!BasePushProcessParameters", "ntdll!NtReadVirtualMemory", "nt!NtReadVirtualMemory",
                // StandardInput is NULL: the duplicate fails, nothing is written
                "kernel32!StuffStdHandle", "ntdll!NtDuplicateObject", "nt!NtDuplicateObject", "kernel32!StuffStdHandle",
                "ntdll!NtDuplicateObject", "ntdll!NtWriteVirtualMemory", "nt!NtWriteVirtualMemory", "nt!MmCopyVirtualMemory",
                "kernel32!StuffStdHandle", "ntdll!NtDuplicateObject", "ntdll!NtWriteVirtualMemory", "kernel32!BaseCreateStack");
        assertThat(symbols.stream().filter("nt!NtWriteVirtualMemory"::equals)).hasSize(2);

        EProcess cmd = child("cmd.exe");
        assertThat(cmd.peb.standardInput).isZero();
        assertThat(cmd.peb.standardOutput).isNotZero().isNotEqualTo(cmd.peb.standardError);
        for (long h : new long[] {cmd.peb.standardOutput, cmd.peb.standardError}) {
            HandleEntry copy = cmd.objectTable.lookup(h);
            assertThat(copy.object()).isSameAs(event.object());
            assertThat(copy.grantedAccess()).isEqualTo(event.grantedAccess());
            assertThat(copy.inherit()).isTrue();
        }

        LabMachine.ok(machine, ".process /p " + Long.toHexString(cmd.address));
        assertThat(LabMachine.ok(machine, "!peb").output()).contains(String.format("StandardInput: 0x0  StandardOutput: 0x%x  StandardError: 0x%x",
                cmd.peb.standardOutput, cmd.peb.standardError));
        assertThat(LabMachine.ok(machine, "dt nt!_PEB " + Long.toHexString(cmd.peb.address)).output())
                .contains("ProcessParameters : 0x00020000 _RTL_USER_PROCESS_PARAMETERS");
        String handles = LabMachine.ok(machine, "!handle 0 3 " + Long.toHexString(cmd.uniqueProcessId)).output();
        assertThat(handles).contains(String.format("%04x: Object: %08x", cmd.peb.standardOutput, event.object().address))
                .contains(String.format("%04x: Object: %08x", cmd.peb.standardError, event.object().address));
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void createNoWindowIsMaskedOffAndDoesNotTurnTheCopiesOff() {
        parentWithStdHandles();
        LabMachine.ok(machine, ".call threads.exe CreateProcessW C:\\WINDOWS\\system32\\cmd.exe CREATE_SUSPENDED|CREATE_NO_WINDOW");

        assertThat(child("cmd.exe").peb.standardOutput).isNotZero();
    }

    @Test
    void eachConditionTurnsTheCopiesOff() {
        parentWithStdHandles();
        for (String call : List.of(
                "C:\\WINDOWS\\system32\\cmd.exe CREATE_SUSPENDED bInheritHandles=TRUE",
                "C:\\WINDOWS\\system32\\cmd.exe CREATE_SUSPENDED dwFlags=STARTF_USESTDHANDLES",
                "C:\\WINDOWS\\system32\\cmd.exe CREATE_SUSPENDED|DETACHED_PROCESS",
                "C:\\WINDOWS\\system32\\cmd.exe CREATE_SUSPENDED|CREATE_NEW_CONSOLE",
                "C:\\WINDOWS\\system32\\notepad.exe CREATE_SUSPENDED")) {
            List<String> symbols = new ArrayList<>();
            machine.engine().setListener(e -> symbols.add(e.symbol()));
            LabMachine.ok(machine, ".call threads.exe CreateProcessW " + call);
            machine.engine().setListener(null);
            assertThat(symbols).as(call).contains("kernel32!BasePushProcessParameters").doesNotContain("kernel32!StuffStdHandle");
        }
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void aConsoleHandleIsNotCopied() {
        EProcess threads = parentWithStdHandles();
        threads.peb.standardOutput = 0x3;
        threads.peb.standardError = 0x7;
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        LabMachine.ok(machine, ".call threads.exe CreateProcessW C:\\WINDOWS\\system32\\cmd.exe CREATE_SUSPENDED");
        machine.engine().setListener(null);

        // only StandardInput (NULL, no console handle) is tried, and its duplicate fails (the listener sees each call of it twice)
        assertThat(symbols.stream().filter("kernel32!StuffStdHandle"::equals)).hasSize(2);
        assertThat(symbols).doesNotContain("nt!NtWriteVirtualMemory");
        assertThat(child("cmd.exe").objectTable.handleCount()).isZero();
    }

    @Test
    void aGuiCallersNullStdHandlesAreTriedAndIgnored() {
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\cmd.exe CREATE_SUSPENDED");
        machine.engine().setListener(null);

        // three calls (the listener sees each call twice)
        assertThat(symbols.stream().filter("kernel32!StuffStdHandle"::equals)).hasSize(6);
        assertThat(symbols).doesNotContain("nt!NtWriteVirtualMemory");
        EProcess cmd = LabMachine.process(machine, "cmd.exe");
        assertThat(cmd.objectTable.handleCount()).isZero();
        assertThat(cmd.peb.standardOutput).isZero();
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
