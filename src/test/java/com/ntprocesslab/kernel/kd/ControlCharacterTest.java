package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding 10 of issue 14: a command of control characters only escaped as IndexOutOfBoundsException. */
class ControlCharacterTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u0007\u0008", "\u001f\u001e", " \u001c", "\u007f", "\u0085", "lm\u0000", "\r", "\u001b[A"})
    void aControlCharacterIsRejectedWithItsPositionAndChangesNothing(String command) {
        for (Profile profile : Profile.values()) {
            Machine machine = Machine.boot(profile);
            String before = machine.snapshotJson();

            CommandResult result = machine.execute(command);

            assertThat(result.accepted()).isFalse();
            assertThat(result.output()).startsWith("A command cannot hold control characters; this one has U+");
            assertThat(machine.snapshotJson()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aTabStillSeparatesWords(Profile profile) {
        assertThat(Machine.boot(profile).execute("x\tnt!PspInsertProcess").accepted()).isTrue();
    }
}
