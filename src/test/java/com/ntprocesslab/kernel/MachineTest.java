package com.ntprocesslab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The machine facade on both profiles: System is PID 4, and a command it does not know is named and changes nothing. */
class MachineTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void processDumpListsSystemAsPid4(Profile profile) {
        Machine machine = Machine.boot(profile);

        CommandResult result = machine.execute("!process 0 0");

        assertThat(result.accepted()).isTrue();
        assertThat(result.output()).contains("Cid: 0004").contains("Image: System").contains("Image: explorer.exe");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void anUnknownCommandIsNamedAndChangesNothing(Profile profile) {
        Machine machine = Machine.boot(profile);
        String before = machine.snapshotJson();

        CommandResult result = machine.execute("frobnicate 1 2");

        assertThat(result.accepted()).isFalse();
        assertThat(result.output()).contains("'frobnicate'");
        assertThat(machine.snapshotJson()).isEqualTo(before);
    }
}
