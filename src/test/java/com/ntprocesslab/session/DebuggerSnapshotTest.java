package com.ntprocesslab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.esotericsoftware.kryo.io.Output;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The debugger's state (breakpoints, context, time line) is plain data inside the machine:
 * a machine restored from a Kryo snapshot while stopped at a breakpoint behaves exactly as
 * the original, forward and backward in time.
 */
class DebuggerSnapshotTest {

    @Test
    void aMachineRestoredWhileStoppedAtABreakpointStepsAndTravelsLikeTheOriginal() {
        Machine original = Machine.boot(Profile.MODERN);
        for (String command : List.of("bm nt!Psp*Process", "bd 1", ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe", "t", "p")) {
            assertThat(original.execute(command).accepted()).as(command).isTrue();
        }

        Machine restored = SnapshotCodec.decode(SnapshotCodec.encode(original));

        assertThat(restored.snapshotJson()).isEqualTo(original.snapshotJson());
        for (String command : List.of("bl", "k", "t-", "k", "g-", "!thread", "g", "!process 0 0", "g-", "bc *", "g")) {
            assertThat(restored.execute(command)).as(command).isEqualTo(original.execute(command));
            assertThat(restored.snapshotJson()).as("after " + command).isEqualTo(original.snapshotJson());
        }
    }

    /** Stopped inside csrss's thread registration (XP): the request in flight survives the snapshot. */
    @Test
    void aMachineRestoredInsideBaseSrvCreateThreadFinishesTheRegistrationLikeTheOriginal() {
        Machine original = Machine.boot(Profile.CLASSIC);
        for (String command : List.of(".call explorer.exe CreateProcessW C:\\Tools\\threads.exe", "bp CSRSRV!CsrCreateThread", "g", "t")) {
            assertThat(original.execute(command).accepted()).as(command).isTrue();
        }

        Machine restored = SnapshotCodec.decode(SnapshotCodec.encode(original));

        assertThat(restored.snapshotJson()).isEqualTo(original.snapshotJson());
        for (String command : List.of("k", "bc *", "g", "!csrss", "t-", "g")) {
            assertThat(restored.execute(command)).as(command).isEqualTo(original.execute(command));
            assertThat(restored.snapshotJson()).as("after " + command).isEqualTo(original.snapshotJson());
        }
    }

    /** Stopped in seclogon's worker in svchost while the caller waits for the reply: the RPC in flight survives the snapshot. */
    @Test
    void aMachineRestoredInsideTheSecondaryLogonServiceFinishesTheCallLikeTheOriginal() {
        Machine original = Machine.boot(Profile.MODERN);
        for (String command : List.of("bp seclogon!SlrCreateProcessWithLogon", ".call explorer.exe CreateProcessWithLogonW alice notepad.exe", "t")) {
            assertThat(original.execute(command).accepted()).as(command).isTrue();
        }

        Machine restored = SnapshotCodec.decode(SnapshotCodec.encode(original));

        assertThat(restored.snapshotJson()).isEqualTo(original.snapshotJson());
        for (String command : List.of("k", "bc *", "g", "!process 0 0 notepad.exe", "t-", "g")) {
            assertThat(restored.execute(command)).as(command).isEqualTo(original.execute(command));
            assertThat(restored.snapshotJson()).as("after " + command).isEqualTo(original.snapshotJson());
        }
    }

    /** Bytes of another layout (here: no layout tag, as every snapshot before the tag) are rejected, not read as wrong values. */
    @Test
    void aSnapshotOfAnotherLayoutIsRejected() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Output out = new Output(new DeflaterOutputStream(bytes))) {
            out.writeString("kernel-layout-1");
            out.writeString("anything");
        }

        assertThatThrownBy(() -> SnapshotCodec.decode(bytes.toByteArray()))
                .isInstanceOf(SnapshotCodec.CorruptSnapshotException.class).hasMessageContaining("another kernel layout");
    }
}
