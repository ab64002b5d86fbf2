package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.inspect.InvariantChecker;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How a system call enters the kernel on XP SP3 (seed 002, phase 2: the ntdll stub traps into
 * kernel mode; audit 16 row 7). The ntdll stub is {@code mov eax, <service>; mov edx, 7FFE0300h;
 * call dword ptr [edx]; ret N} (nynaeve.net/?p=131, quoted in carbonblack/binee issue 45):
 * SharedUserData!SystemCall at 0x7ffe0300 holds ntdll!KiFastSystemCall ({@code mov edx, esp;
 * sysenter}), and SharedUserData!SystemCallReturn at 0x7ffe0304 ntdll!KiFastSystemCallRet,
 * the {@code ret} after the sysenter (KUSER_SHARED_DATA in ntddk.h before Windows 8: ULONG
 * SystemCall at +0x300, ULONG SystemCallReturn at +0x304). A kernel breakpoint's k on XP
 * therefore reads nt!KiFastCallEntry+0xf8, ntdll!KiFastSystemCallRet, ntdll!NtX+0xc: Zhang
 * Yinkui's Software Debugging, listing 4-11 (smss creating autochk on XP: nt!NtCreateProcess,
 * nt!KiFastCallEntry+0xf8, ntdll!KiFastSystemCallRet, ntdll!NtCreateProcess+0xc) and listing
 * 4-12 (USER32!NtUserCreateWindowStation+0xc under the same two frames); Dmitry Vostokov's
 * "What is KiFastSystemCallRet?" (dumpanalysis.org, 2008) explains the frame (Windows 2003's
 * own KiFastCallEntry return is +0xfc). The Windows 10 x64 stack keeps seed 000's frames.
 */
class ClassicFastSystemCallTest {
    private final AtomicInteger kernelEntries = new AtomicInteger();
    private final Machine machine = Machine.boot(Profile.CLASSIC, e -> {
        assertThat(InvariantChecker.check(e.kernel())).as("invariants after step %d", e.position()).isEmpty();
        if ("nt!KiFastCallEntry".equals(e.symbol()) && "ntdll!KiFastSystemCall".equals(e.routine())) {
            kernelEntries.incrementAndGet();
        }
    });

    private String run(Machine m, String command) {
        return LabMachine.ok(m, command).output();
    }

    private String run(String command) {
        return run(machine, command);
    }

    private long address(String symbol) {
        return Long.parseLong(run("x " + symbol).split(" ")[0], 16);
    }

    @Test
    void kAtAKernelBreakpointShowsTheSysenterFramesAsOnXp() {
        run("bp nt!PspCreateProcess");
        run(".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");

        List<String> k = run("k").lines().skip(1).toList();

        assertThat(k.get(0)).endsWith(" nt!PspCreateProcess");
        assertThat(k.get(1)).contains(" nt!NtCreateProcessEx+0x");
        assertThat(k.get(2)).endsWith(" nt!KiFastCallEntry+0xf8");
        assertThat(k.get(3)).endsWith(" ntdll!KiFastSystemCallRet");
        assertThat(k.get(4)).endsWith(" ntdll!NtCreateProcessEx+0xc");
        assertThat(k.get(5)).contains(" kernel32!CreateProcessInternalW+0x");
        // KiFastCallEntry returns (SYSEXIT) to KiFastSystemCallRet, which returns into the stub after its call [edx]
        assertThat(k.get(2).split(" ")[2]).isEqualTo(String.format("%08x", address("ntdll!KiFastSystemCallRet")));
        assertThat(k.get(3).split(" ")[2]).isEqualTo(String.format("%08x", address("ntdll!NtCreateProcessEx") + 0xc));
        assertThat(run("kb").lines().skip(1).toList().get(3)).endsWith(" ntdll!KiFastSystemCallRet");
    }

    @Test
    void sharedUserDataHoldsTheSystemCallAndItsReturn() {
        long systemCall = address("ntdll!KiFastSystemCall");
        long systemCallReturn = address("ntdll!KiFastSystemCallRet");

        assertThat(run("dd 7ffe0300 L1")).isEqualTo(String.format("7ffe0300  %08x", systemCall));
        assertThat(run("dd 7ffe0304 L1")).isEqualTo(String.format("7ffe0304  %08x", systemCallReturn));
        // mov edx, esp (8B D4) and sysenter (0F 34): the ret is four bytes in
        assertThat(systemCallReturn).isEqualTo(systemCall + 4);
    }

    @Test
    void xAndLnNameBothSymbols() {
        long systemCall = address("ntdll!KiFastSystemCall");

        assertThat(run("x ntdll!KiFastSystemCall*")).isEqualTo(String.format(
                "%08x ntdll!KiFastSystemCall (KiFastSystemCall)\n%08x ntdll!KiFastSystemCallRet (KiFastSystemCallRet)", systemCall, systemCall + 4));
        assertThat(run(String.format("ln %x", systemCall + 4)))
                .startsWith(String.format("(%08x)   ntdll!KiFastSystemCallRet   |", systemCall + 4))
                .contains("Exact matches:\n    ntdll!KiFastSystemCallRet (KiFastSystemCallRet)");
    }

    @Test
    void everyStubCallsKiFastSystemCallAndReturnsAtPlusC() {
        long stub = address("ntdll!NtCreateProcessEx");
        assertThat(run("uf ntdll!NtCreateProcessEx")).isEqualTo(String.format(
                "ntdll!NtCreateProcessEx:\n%08x call    ntdll!KiFastSystemCall\nntdll!NtCreateProcessEx+0xc:\n%08x (inline code)", stub, stub + 0xc));
        assertThat(run("uf ntdll!KiFastSystemCall")).isEqualTo(String.format("ntdll!KiFastSystemCall:\n%08x call    nt!KiFastCallEntry\n"
                + "ntdll!KiFastSystemCallRet:\n%08x (inline code)", address("ntdll!KiFastSystemCall"), address("ntdll!KiFastSystemCallRet")));
    }

    /** Every system call of the creation (kernel32's, csrss's LPC) stops at ntdll!KiFastSystemCall on its own thread, under its stub. */
    @Test
    void aBreakpointOnKiFastSystemCallFiresOnEverySystemCall() {
        run("bp ntdll!KiFastSystemCall");
        kernelEntries.set(0);
        int hits = 0;
        CommandResult result = machine.execute(".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");
        for (int guard = 0; guard < 1_000 && result.output().startsWith("Breakpoint 0 hit"); guard++) {
            hits++;
            assertThat(result.output()).contains("ntdll!KiFastSystemCall:");
            List<String> k = run("k").lines().skip(1).toList();
            assertThat(k.get(0)).endsWith(" ntdll!KiFastSystemCall");
            assertThat(k.get(1)).matches(".* ntdll!Nt\\w+\\+0xc");
            result = machine.execute("g");
        }

        assertThat(hits).isGreaterThan(10).isEqualTo(kernelEntries.get());
        assertThat(LabMachine.process(machine, "notepad.exe")).isNotNull();
    }

    @Test
    void theWindows10StackIsUnchanged() {
        Machine modern = LabMachine.boot(Profile.MODERN);
        run(modern, "bp nt!PspAllocateProcess");
        run(modern, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        String k = run(modern, "k");

        assertThat(k).containsSubsequence(" nt!NtCreateUserProcess+0x", " nt!KiSystemServiceCopyEnd+0x25\n",
                " ntdll!NtCreateUserProcess+0x14\n", " KERNELBASE!CreateProcessInternalW+0x").doesNotContain("KiFastSystemCall");
        assertThat(run(modern, "x ntdll!KiFastSystemCall*")).isEqualTo("No symbol matches ntdll!KiFastSystemCall*.");
        assertThat(run(modern, "dd 7ffe0300 L1")).doesNotContain("7c9");
    }
}
