package com.ntprocesslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void processDumpListsSystemAsPid4() {
        Machine machine = Machine.boot(Profile.MODERN);

        CommandResult result = machine.execute("!process 0 0");

        assertThat(result.accepted()).isTrue();
        assertThat(result.output()).contains("Cid: 0004").contains("Image: System").contains("Image: explorer.exe");
    }

    @Test
    void anUnknownCommandIsNamedAndChangesNothing() {
        Machine machine = Machine.boot(Profile.MODERN);
        String before = machine.snapshotJson();

        CommandResult result = machine.execute("frobnicate 1 2");

        assertThat(result.accepted()).isFalse();
        assertThat(result.output()).contains("'frobnicate'");
        assertThat(machine.snapshotJson()).isEqualTo(before);
    }
}
