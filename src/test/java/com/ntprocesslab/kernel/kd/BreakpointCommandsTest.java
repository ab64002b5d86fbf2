package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BreakpointCommandsTest {
    private final Machine machine = LabMachine.boot();

    @Test
    void bpResolvesTheSymbolAndBlListsIt() {
        CommandResult set = LabMachine.ok(machine, "bp nt!PspAllocateProcess");

        // WinDbg's bp prints nothing; a kernel debugger's bl has no user-mode "0:****" column ("bl (Breakpoint List)")
        assertThat(set.output()).isEmpty();
        assertThat(LabMachine.ok(machine, "bl").output()).matches(" 0 e  fffff802`[0-9a-f]{8}     0001 \\(0001\\) nt!PspAllocateProcess");
    }

    @Test
    void bpOnTheSameSymbolTwiceKeepsOneBreakpoint() {
        LabMachine.ok(machine, "bp nt!PspAllocateProcess");
        LabMachine.ok(machine, "bp nt!pspallocateprocess");

        assertThat(machine.debugger().breakpoints().all()).hasSize(1);
    }

    @Test
    void buDefersAnUnknownSymbolAndBpRefusesIt() {
        CommandResult bp = machine.execute("bp nt!Nope");
        CommandResult bu = LabMachine.ok(machine, "bu nt!Nope");

        assertThat(bp.accepted()).isFalse();
        assertThat(bp.output()).startsWith("Couldn't resolve error at 'nt!Nope'");
        assertThat(bu.output()).contains("deferred bp 0");
        assertThat(LabMachine.ok(machine, "bl").output()).contains(" 0 eu", "(nt!Nope)");
    }

    @Test
    void bmSetsOneBreakpointPerMatchingSymbol() {
        CommandResult bm = LabMachine.ok(machine, "bm nt!Psp*Thread");

        assertThat(bm.output().split("\n")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(bm.output()).contains("nt!PspAllocateThread", "nt!PspInsertThread", "nt!PspExitThread");
    }

    @Test
    void bdDisablesBeEnablesAndBcClearsByNumberListOrStar() {
        LabMachine.ok(machine, "bm nt!Psp*Process");
        int count = machine.debugger().breakpoints().all().size();

        LabMachine.ok(machine, "bd 0 1");
        assertThat(machine.debugger().breakpoints().find(0).enabled()).isFalse();
        assertThat(machine.debugger().breakpoints().find(1).enabled()).isFalse();
        LabMachine.ok(machine, "be 0-1");
        assertThat(machine.debugger().breakpoints().find(1).enabled()).isTrue();
        LabMachine.ok(machine, "bc 0,1");
        assertThat(machine.debugger().breakpoints().all()).hasSize(count - 2);
        LabMachine.ok(machine, "bc *");
        assertThat(machine.debugger().breakpoints().isEmpty()).isTrue();
    }

    @Test
    void aDisabledBreakpointDoesNotStopACall() {
        LabMachine.ok(machine, "bp nt!PspAllocateProcess");
        LabMachine.ok(machine, "bd 0");

        CommandResult call = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        assertThat(call.output()).contains("returned TRUE");
    }

    @Test
    void aBreakpointOnAnApiEntryStopsTheCallBeforeItsFirstStep() {
        LabMachine.ok(machine, "bp KERNEL32!CreateProcessWStub");
        long before = machine.position();

        CommandResult call = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        assertThat(call.output()).startsWith("Breakpoint 0 hit\nKERNEL32!CreateProcessWStub:");
        // only the user APC's delivery ran: the wait's retry (STATUS_USER_APC), KiSystemServiceCopyEnd's
        // KiDeliverApc, KiUserApcDispatcher's entry and its call, RtlDispatchAPC's call of the API
        assertThat(machine.position()).isEqualTo(before + 5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', value = {
        "bp ~ Syntax error at 'bp'",
        "bp nt!A nt!B ~ Syntax error at 'nt!B'",
        "bp nt!Nope ~ Couldn't resolve error at 'nt!Nope'",
        "bp PspAllocateProcess ~ Syntax error at 'PspAllocateProcess'",
        "bp nt!Psp* ~ wildcards need bm",
        "bu nt! ~ Syntax error at 'nt!'",
        "bm nt!*Nothing*Like*This* ~ Couldn't resolve error at 'nt!*Nothing*Like*This*'",
        "bl 3 ~ Syntax error at '3'",
        "bc ~ Syntax error at 'bc'",
        "bc 9 ~ Couldn't resolve error at '9'",
        "bd zz ~ Syntax error at 'zz'",
        "be 3-1 ~ Syntax error at '3-1'",
        "bc 0 9 ~ Couldn't resolve error at '9'"
    })
    void aMalformedBreakpointCommandIsRejectedAndChangesNothing(String command, String expected) {
        LabMachine.ok(machine, "bp nt!PspAllocateProcess");
        String before = machine.snapshotJson();
        String table = machine.execute("bl").output();

        CommandResult result = machine.execute(command);

        assertThat(result.accepted()).isFalse();
        assertThat(result.output()).contains(expected);
        assertThat(machine.snapshotJson()).isEqualTo(before);
        assertThat(machine.execute("bl").output()).isEqualTo(table);
    }
}
