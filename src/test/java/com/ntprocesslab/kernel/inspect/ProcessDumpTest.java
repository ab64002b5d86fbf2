package com.ntprocesslab.kernel.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import org.junit.jupiter.api.Test;

class ProcessDumpTest {
    @Test
    void printsEachProcessInWinDbgFormat() {
        Machine machine = LabMachine.boot();

        String dump = LabMachine.ok(machine, "!process 0 0").output();

        assertThat(dump).startsWith("""
                **** NT ACTIVE PROCESS DUMP ****
                PROCESS ffffa08f1c2d3040
                    SessionId: none  Cid: 0004    Peb: 00000000  ParentCid: 0000
                    DirBase: 001ad000  ObjectTable: ffffa08f0a003c40  HandleCount: 2.
                    Image: System

                PROCESS ffffa08f1c2d4040
                    SessionId: none  Cid: 000c    Peb: 00000000  ParentCid: 0004
                    DirBase: 001b0000  ObjectTable: ffffa08f0a003d40  HandleCount: 0.
                    Image: Registry

                PROCESS ffffa08f1c2d5040
                    SessionId: none  Cid: 0010    Peb: 3ac0100000  ParentCid: 0004
                """);
        assertThat(dump).contains("""
                    SessionId: 1  Cid: 005c    Peb: 3ac05c0000  ParentCid: 0054
                """);
        assertThat(dump).endsWith("    Image: explorer.exe\n");
        assertThat(dump.split("\n\n")).hasSize(11);
    }

    @Test
    void anExitedProcessStillListedShowsNoObjectTable() {
        Machine machine = LabMachine.boot();
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe");
        LabMachine.ok(machine, "g");

        String dump = LabMachine.ok(machine, "!process 0 0").output();

        assertThat(dump).contains("    SessionId: 1  Cid: 0064    Peb: 00000000  ParentCid: 005c\n"
                + "    DirBase: 001d9000  ObjectTable: 00000000  HandleCount: 0.\n"
                + "    Image: worker.exe\n");
    }
}
