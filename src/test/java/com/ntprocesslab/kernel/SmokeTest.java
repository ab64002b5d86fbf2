package com.ntprocesslab.kernel;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        Machine m = Machine.boot(Profile.MODERN);
        System.out.println(m.execute("!process 0 0").output());
        System.out.println(m.checkInvariants());
        System.out.println("position " + m.position());
        for (String c : new String[] {".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe", "g", "!process 0 0",
                ".call explorer.exe CreateProcessW notepad.exe CREATE_NEW_CONSOLE|DETACHED_PROCESS", ".call explorer.exe CreateProcessW C:\\nope.exe",
                ".call explorer.exe TerminateProcess 0x8 7", "!process 0 0", ".call explorer.exe GetExitCodeProcess 0x8", ".call explorer.exe CloseHandle 0x8", ".call explorer.exe CloseHandle 0xc", "!process 0 0", ".invariants",
                ".call explorer.exe CreateProcessW C:\\Tools\\launcher.exe", "g", "!process 0 0", ".call explorer.exe CreateProcessW C:\\Tools\\crasher.exe", "g", ".call explorer.exe GetExitCodeProcess 0x10",
                ".call explorer.exe CreateProcessW C:\\Tools\\run-worker.cmd", "g", ".call explorer.exe GetExitCodeProcess 0x18", ".invariants"}) {
            var r = m.execute(c);
            System.out.println("> " + c + "\n" + r.accepted() + "\n" + r.output());
        }
        for (var t : m.kernel().threads()) {
            System.out.println(t.describe() + " " + t.tcb.state + " " + t.tcb.waitReason + " susp=" + t.tcb.suspendCount + " prio=" + t.tcb.priority + " " + m.engine().stackTrace(t));
        }
    }
}
