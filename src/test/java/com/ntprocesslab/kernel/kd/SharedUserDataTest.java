package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;

/** dd of SharedUserData (0x7ffe0000) shows the fields the machine models and ???????? for the rest. */
class SharedUserDataTest {

    @Test
    void xpShowsTheI386ImageNumberSeed003ReadsAndVersion51() {
        Machine m = LabMachine.boot(Profile.CLASSIC);
        assertThat(LabMachine.ok(m, "dd 7ffe002c L1").output()).isEqualTo("7ffe002c  014c014c");
        assertThat(LabMachine.ok(m, "dd 7ffe026c L2").output()).isEqualTo("7ffe026c  00000005 00000001");
        assertThat(LabMachine.ok(m, "dd 7ffe0000 L1").output()).isEqualTo("7ffe0000  ????????");
    }

    @Test
    void windows10ShowsTheAmd64ImageNumberAndVersion100() {
        Machine m = LabMachine.boot();
        assertThat(LabMachine.ok(m, "dd 7ffe002c L1").output()).endsWith("  86648664");
        assertThat(LabMachine.ok(m, "dd 7ffe026c L2").output()).endsWith("  0000000a 00000000");
        assertThat(LabMachine.ok(m, "dq 7ffe0028 L1").output()).endsWith("  ????????`????????");
    }
}
