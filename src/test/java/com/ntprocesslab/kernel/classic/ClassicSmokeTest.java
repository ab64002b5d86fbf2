package com.ntprocesslab.kernel.classic;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;

class ClassicSmokeTest {
    @Test
    void smoke() {
        Machine m = LabMachine.boot(Profile.CLASSIC);
        System.out.println(LabMachine.ok(m, "!process 0 0").output());
        System.out.println(LabMachine.ok(m, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output());
        System.out.println(LabMachine.ok(m, "g").output());
        System.out.println(m.snapshotJson().length());
    }
}
