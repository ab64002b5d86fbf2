package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

/** !diff lists, in structure terms, what the last move of the machine changed: both sides are real machines. */
class DiffViewTest {
    private static final String NOTEPAD = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";
    private final Machine machine = LabMachine.boot();

    private String diff() {
        return LabMachine.ok(machine, "!diff").output();
    }

    @Test
    void beforeAnyMoveThereIsNothingToCompare() {
        assertThat(diff()).startsWith("No earlier stop is recorded");
    }

    @Test
    void steppingThroughPspAllocateProcessShowsTheEprocessFillFieldByField() {
        LabMachine.ok(machine, "bp nt!PspAllocateProcess");
        LabMachine.ok(machine, NOTEPAD);
        long start = machine.position();
        LabMachine.ok(machine, "t");
        String created = diff();
        assertThat(created).startsWith("Changes from position " + start + " to " + machine.position() + ":");
        assertThat(created).containsPattern("EPROCESS [0-9a-f`]+: added");
        String eprocess = created.replaceAll("(?s).*(EPROCESS [0-9a-f`]+): added.*", "$1");

        // the rest of the routine: each p step fills a few fields of that EPROCESS, and !diff names them
        List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LabMachine.ok(machine, "p");
            for (String line : diff().split("\n")) {
                if (line.startsWith(eprocess + ": ") && line.contains(" -> ")) {
                    seen.add(line.substring(eprocess.length() + 2, line.indexOf(' ', eprocess.length() + 2)));
                }
            }
        }
        assertThat(seen).contains("Token", "Pcb.DirectoryTableBase");
    }

    @Test
    void aCreationAddsCidAndHandleEntriesAndTheDiffGoesBackwardsAfterAStepBack() {
        LabMachine.ok(machine, NOTEPAD);
        String made = diff();
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(made).contains("PspCidTable: entry 0x" + Long.toHexString(notepad.uniqueProcessId) + " added (EPROCESS ");
        assertThat(made).containsPattern("HANDLE_TABLE [0-9a-f`]+ \\(explorer.exe\\): entry 0x[0-9a-f]+ added \\(EPROCESS ");

        LabMachine.ok(machine, "bp nt!PspAllocateProcess");
        LabMachine.ok(machine, NOTEPAD);
        LabMachine.ok(machine, "t");
        String forward = diff();
        LabMachine.ok(machine, "t-");
        String back = diff();
        assertThat(back).isNotEqualTo(forward);
        assertThat(back).containsPattern("EPROCESS [0-9a-f`]+: deleted");
    }

    @Test
    void theAnswerIsDeterministicAndChangesNothing() {
        LabMachine.ok(machine, NOTEPAD);
        String before = machine.snapshotJson();
        String first = diff();
        assertThat(diff()).isEqualTo(first);
        assertThat(machine.snapshotJson()).isEqualTo(before);

        Machine twin = LabMachine.boot();
        LabMachine.ok(twin, NOTEPAD);
        assertThat(LabMachine.ok(twin, "!diff").output()).isEqualTo(first);
    }

    @Test
    void aCommandThatDoesNotMoveTheMachineKeepsThePreviousStop() {
        LabMachine.ok(machine, NOTEPAD);
        String first = diff();
        LabMachine.ok(machine, "!process 0 0");
        LabMachine.ok(machine, "k");
        assertThat(diff()).isEqualTo(first);
    }

    @Test
    void theClassicMachineDiffsToo() {
        Machine xp = LabMachine.boot(Profile.CLASSIC);
        LabMachine.ok(xp, NOTEPAD);
        assertThat(LabMachine.ok(xp, "!diff").output()).contains("PspCidTable: entry 0x").doesNotContain("`");
    }

    /**
     * The free lists are machine state (rollback and snapshots carry them), so !diff names their
     * changes by WRK's _HANDLE_TABLE fields: a process table is LIFO (ExpFreeHandleTableEntry
     * pushes the freed entry onto FirstFree), PspCidTable strict FIFO (a freed ID goes to the
     * LastFree tail; WRK ps/psinit.c ExSetHandleTableStrictFIFO).
     */
    @Test
    void openingAndClosingAHandleMovesFirstFreeAndAFreedIdJoinsTheCidFreeListTail() {
        LabMachine.ok(machine, NOTEPAD);
        LabMachine.ok(machine, "g");
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        String table = "HANDLE_TABLE " + machine.kernel().platform.pointer(explorer.objectTable.address) + " (explorer.exe)";
        long first = explorer.objectTable.firstFree();

        String open = LabMachine.ok(machine, ".call explorer.exe OpenProcess SYNCHRONIZE 0x" + Long.toHexString(notepad.uniqueProcessId)).output();
        long handle = Long.decode(open.substring(open.indexOf("returned ") + 9, open.indexOf('\n')).trim());
        assertThat(handle).isEqualTo(first);
        assertThat(diff()).contains(table + ": FirstFree 0x" + Long.toHexString(first) + " -> 0x" + Long.toHexString(explorer.objectTable.firstFree()));

        LabMachine.ok(machine, ".call explorer.exe CloseHandle 0x" + Long.toHexString(handle));
        assertThat(diff()).contains(table + ": FirstFree 0x" + Long.toHexString(first + 4) + " -> 0x" + Long.toHexString(first),
                table + ": entry 0x" + Long.toHexString(handle) + " closed (was EPROCESS ");

        long pid = notepad.uniqueProcessId;
        LabMachine.ok(machine, ".call explorer.exe TerminateProcess $hProcess 0");
        LabMachine.ok(machine, "g");
        LabMachine.ok(machine, ".call explorer.exe CloseHandle $hThread");
        LabMachine.ok(machine, ".call explorer.exe CloseHandle $hProcess");
        assertThat(machine.kernel().pspCidTable.lookup(pid)).isNull();
        assertThat(diff()).contains("PspCidTable: entry 0x" + Long.toHexString(pid) + " freed (was EPROCESS ",
                "; free list tail)", "PspCidTable: LastFree ");
    }
}
