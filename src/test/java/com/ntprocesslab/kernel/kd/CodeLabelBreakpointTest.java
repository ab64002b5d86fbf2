package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;

/**
 * A breakpoint on a code label fires where the label's instruction runs: on XP,
 * bp ntdll!KiFastSystemCallRet stops each system call as SYSEXIT returns to user mode, on the
 * calling thread, with k's frame 00 the label and frame 01 the stub that made the call.
 */
class CodeLabelBreakpointTest {

    @Test
    void aBreakpointOnKiFastSystemCallRetStopsEverySystemCallOnItsWayBack() {
        Machine machine = LabMachine.boot(Profile.CLASSIC);
        LabMachine.ok(machine, "bp ntdll!KiFastSystemCallRet");

        String hit = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe").output();

        assertThat(hit).startsWith("Breakpoint 0 hit\nntdll!KiFastSystemCallRet:\n");
        String k = LabMachine.ok(machine, "k 2").output();
        assertThat(k.lines().skip(1).findFirst().orElseThrow()).endsWith(" ntdll!KiFastSystemCallRet");
        assertThat(k.lines().skip(2).findFirst().orElseThrow()).matches(".* ntdll!Nt\\w+\\+0xc");
        assertThat(LabMachine.ok(machine, "!thread").output()).contains("Image:         explorer.exe");
        assertThat(LabMachine.ok(machine, "g").output()).startsWith("Breakpoint 0 hit\nntdll!KiFastSystemCallRet:");
    }
}
