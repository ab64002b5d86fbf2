package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.inspect.Format;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Given a machine that started notepad suspended, each inspection command shows the structures as they are. */
class InspectionCommandsTest {
    private final Machine machine = LabMachine.boot();
    private EProcess notepad;
    private EThread notepadThread;

    @BeforeEach
    void startNotepadSuspended() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");
        notepad = LabMachine.process(machine, "notepad.exe");
        notepadThread = notepad.threadListHead.owners().getFirst();
    }

    private String ok(String command) {
        return LabMachine.ok(machine, command).output();
    }

    private static String address(long a) {
        return Format.pointer(a);
    }

    @Test
    void processByCidOrAddressWithThreadsAndStacks() {
        String byCid = ok("!process 64 7");
        String byAddress = ok("!process " + address(notepad.address) + " 7");

        assertThat(byCid).isEqualTo(byAddress)
                .startsWith("PROCESS " + address(notepad.address).replace("`", "") + "\n    SessionId: 1  Cid: 0064")
                .contains("THREAD " + address(notepadThread.address).replace("`", "") + "  Cid 0064.0068", "WAIT: (Suspended)", "Not impersonating",
                        "Owning Process            " + address(notepad.address).replace("`", "") + "       Image:         notepad.exe")
                .doesNotContain("SuspendCount", "Started", "CreateTime");
        assertThat(ok("!process 64 0").split("\n")).hasSize(4);
        assertThat(ok("!process 0 7")).startsWith("**** NT ACTIVE PROCESS DUMP ****").contains("Image: System", "THREAD ");
    }

    @Test
    void threadShowsItsStackOnceItRuns() {
        LabMachine.ok(machine, ".call explorer.exe ResumeThread 0x10");
        LabMachine.ok(machine, "g");

        String thread = ok("!thread " + address(notepadThread.address));

        assertThat(thread).contains("Cid 0064.0068", "WAIT: (UserRequest)", "Child-SP", "notepad!wWinMainCRTStartup+0x", "ntdll!RtlUserThreadStart+0x");
        // default flags 0x6 show the arguments too ("!thread": only bit 3 suppresses them), as kb's columns after Child-SP and RetAddr
        assertThat(thread).contains("Child-SP          RetAddr           : Args to Child                                                           : Call Site");
        assertThat(thread.lines().filter(line -> line.endsWith("nt!NtWaitForSingleObject+0x14b")).findFirst().orElseThrow())
                .matches("[0-9a-f]{8}`[0-9a-f]{8} [0-9a-f]{8}`[0-9a-f]{8} : ([0-9a-f?]{8}`[0-9a-f?]{8} ){4}: nt!NtWaitForSingleObject\\+0x14b");
    }

    @Test
    void handleListsAProcessTableAndOneHandleWithItsObject() {
        String all = ok("!handle 0 3 5c");
        String one = ok("!handle c 3 5c");

        // 0004 is the client port to csrss (CsrClientConnectToServer), 0008 the input event
        assertThat(all).contains("Image: explorer.exe", "Handle table at", "0004: Object: ", ") ALPC Port",
                "000c: Object: " + address(notepad.address).replace("`", ""), "0010: Object: " + address(notepadThread.address).replace("`", ""));
        // processes are unnamed objects: kdexts prints no Name line for them
        assertThat(one).contains("000c: Object:", "Type: (", ") Process").doesNotContain("0010:", "Name:");
        assertThat(ok("!handle c 0 5c")).doesNotContain("ObjectHeader");
    }

    @Test
    void pebTebAndVadFollowTheContextProcessAndThread() {
        LabMachine.ok(machine, ".thread " + address(notepadThread.address));

        assertThat(ok("!peb")).startsWith("PEB at " + String.format("%016x", notepad.peb.address))
                .contains("LdrInitializeThunk has not run yet", "ImageFile:    'C:\\Windows\\System32\\notepad.exe'");
        assertThat(ok("!teb")).startsWith("TEB at ").contains("ClientId:             0000000000000064 . 0000000000000068");
        assertThat(ok("!vad")).startsWith("VadRoot of notepad.exe").contains("Image C:\\Windows\\System32\\notepad.exe", "Total VADs: 5");
        assertThat(ok("!peb " + Long.toHexString(notepad.peb.address))).isEqualTo(ok("!peb"));
    }

    @Test
    void contextCommandsShowAndSetTheImplicitProcessAndThread() {
        assertThat(ok(".process")).contains("explorer.exe");
        LabMachine.ok(machine, ".process " + address(notepad.address));
        assertThat(ok(".process")).contains("notepad.exe");
        assertThat(ok("!process")).contains("Image: notepad.exe");

        LabMachine.ok(machine, ".call explorer.exe ResumeThread 0x10");
        assertThat(ok(".process")).as("running the machine returns to where execution stands").contains("explorer.exe");
    }

    @Test
    void objectShowsTheHeaderAtItsAddressOrItsHeaderAddress() {
        String object = ok("!object " + address(notepad.address));

        assertThat(object).startsWith("Object: " + address(notepad.address).replace("`", "") + "  Type: (").contains(") Process",
                "ObjectHeader: " + address(notepad.address - 0x30).replace("`", ""), "HandleCount: 2  PointerCount: 3");
        assertThat(ok("!object " + address(notepad.address - 0x30))).isEqualTo(object);
    }

    @ParameterizedTest
    @ValueSource(strings = {"_EPROCESS", "_KPROCESS"})
    void dtShowsTheProcessStructures(String type) {
        String dt = ok("dt nt!" + type + " " + address(notepad.address));

        assertThat(dt).startsWith("nt!" + type + "\n   +0x000 ");
        if (type.equals("_EPROCESS")) {
            assertThat(dt).contains("+0x440 UniqueProcessId", "0x00000000`00000064", "+0x5a8 ImageFileName", "\"notepad.exe\"",
                    "+0x540 InheritedFromUniqueProcessId", "0x00000000`0000005c");
        }
    }

    @Test
    void dtShowsThreadBlocksTablesAndHeaders() {
        assertThat(ok("dt nt!_ETHREAD " + address(notepadThread.address))).contains("Cid", "0064.0068");
        assertThat(ok("dt nt!_KTHREAD " + address(notepadThread.address))).contains("SuspendCount", "0n1", "(Waiting)");
        assertThat(ok("dt nt!_PEB " + Long.toHexString(notepad.peb.address))).contains("Ldr", "(null)");
        assertThat(ok("dt nt!_TEB " + Long.toHexString(notepadThread.teb.address))).contains("0064.0068");
        assertThat(ok("dt nt!_HANDLE_TABLE " + address(notepad.objectTable.address))).contains("QuotaProcess", "notepad.exe");
        assertThat(ok("dt _OBJECT_HEADER " + address(notepad.address - 0x30))).contains("PointerCount", "(Process)");
    }

    @Test
    void csrssListsEachSessionsProcessesAndSymbolsResolveBothWays() {
        assertThat(ok("!csrss")).contains("Session 1: csrss.exe", "0064", "notepad.exe", "280");
        String x = ok("x nt!PspAllocateProcess");
        String addressText = x.substring(0, x.indexOf(' '));
        assertThat(ok("ln " + addressText)).contains("nt!PspAllocateProcess", "Exact matches:\n    nt!PspAllocateProcess");
        assertThat(ok("lm")).startsWith("start             end                 module name").contains("   nt", "   ntdll", "   KERNELBASE");
        assertThat(ok("x nt!Nothing*Here")).isEqualTo("No symbol matches nt!Nothing*Here.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', value = {
        "!process zz ~ Syntax error at 'zz'",
        "!process 998 7 ~ Couldn't resolve error at '998'",
        "!process 44 7 9 ~ Syntax error at '9'",
        "!process 44 fff ~ Syntax error at 'fff'",
        "!thread 1234 ~ Couldn't resolve error at",
        "!thread a b ~ Syntax error at 'b'",
        "!handle 3 ~ handle values are multiples of 4",
        "!handle 400 3 5c ~ Couldn't resolve error at '400'",
        "!handle 0 3 998 ~ Couldn't resolve error at '998'",
        "!handle q ~ Syntax error at 'q'",
        "!handle 1 2 3 4 ~ Syntax error at '4'",
        "!peb 1234 ~ Couldn't resolve error at '1234'",
        "!teb 1234 ~ Couldn't resolve error at '1234'",
        "!vad 998 ~ Couldn't resolve error at '998'",
        "!object ~ Syntax error at '!object'",
        "!object 1234 ~ Couldn't resolve error at",
        "dt ~ Syntax error at 'dt'",
        "dt nt!_NOPE* ~ no type this machine models matches",
        "dt nt!_WHATEVER 0 ~ Couldn't resolve error at 'nt!_WHATEVER'",
        "dt nt!_ETHREAD xyz ~ Syntax error at 'xyz'",
        "dt nt!_TEB 1234 ~ Couldn't resolve error at",
        ".process 1234 ~ Couldn't resolve error at",
        ".thread 1234 ~ Couldn't resolve error at",
        ".thread g ~ Syntax error at 'g'",
        "k 0 ~ Syntax error at '0'",
        "x ~ Syntax error at 'x'",
        "x nope!Foo ~ Couldn't resolve error at 'nope!Foo'",
        "lm v ~ Syntax error at 'v'",
        "ln ~ Syntax error at 'ln'",
        "ln zz ~ Syntax error at 'zz'",
        "!csrss 1 ~ Syntax error at '1'",
        "'' ~ Empty command"
    })
    void aMalformedInspectionIsRejectedAndChangesNothing(String command, String expected) {
        String before = machine.snapshotJson();

        CommandResult result = machine.execute(command.equals("''") ? "   " : command);

        assertThat(result.accepted()).isFalse();
        assertThat(result.output()).contains(expected);
        assertThat(machine.snapshotJson()).isEqualTo(before);
    }
}
