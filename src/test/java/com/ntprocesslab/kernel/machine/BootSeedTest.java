package com.ntprocesslab.kernel.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.ps.BootSeed;
import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Given machines booted with different seeds, when the same commands run on them, then only
 * where their numbers start differs: PIDs, TIDs, handle values and pool addresses, each within
 * Windows' rules; the same seed always gives the same machine, and the default seed is the
 * machine the golden scenarios were written against.
 */
class BootSeedTest {

    private static final long[] SEEDS = {1, 2, 0x5eed, -7, 0x7fffffffffffffffL};
    private static final List<String> SESSION = List.of(
            ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED",
            ".call explorer.exe ResumeThread $hThread",
            "g",
            ".call explorer.exe TerminateProcess $hProcess 1",
            "g",
            ".call explorer.exe CloseHandle $hProcess",
            ".call explorer.exe CloseHandle $hThread");

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theDefaultSeedIsTheMachineOfABootWithoutOne(Profile profile) {
        assertThat(Machine.boot(profile, BootSeed.DEFAULT).snapshotJson()).isEqualTo(Machine.boot(profile).snapshotJson());
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theSameSeedAndCommandsGiveTheSameMachineByteForByte(Profile profile) {
        for (long seed : SEEDS) {
            assertThat(run(profile, seed).snapshotJson()).as("seed %d", seed).isEqualTo(run(profile, seed).snapshotJson());
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void seedsGiveDifferentNumbersButTheSameAnswersOtherwise(Profile profile) {
        TreeSet<String> snapshots = new TreeSet<>();
        String shape = null;
        for (long seed : SEEDS) {
            Machine machine = Machine.boot(profile, seed);
            StringBuilder answers = new StringBuilder();
            for (String command : SESSION) {
                CommandResult result = machine.execute(command);
                assertThat(result.accepted()).as("seed %d: %s -> %s", seed, command, result.output()).isTrue();
                answers.append(result.output()).append('\n');
            }
            assertThat(machine.checkInvariants()).as("seed %d", seed).isEmpty();
            snapshots.add(machine.snapshotJson());
            String numbersHidden = hideNumbers(answers.toString());
            if (shape == null) {
                shape = numbersHidden;
            }
            assertThat(numbersHidden).as("seed %d answers like every other seed but for its numbers", seed).isEqualTo(shape);
        }
        assertThat(snapshots).as("every seed gives its own machine").hasSize(SEEDS.length);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void seededNumbersKeepWindowsRules(Profile profile) {
        long lowestDefault = Machine.boot(profile).kernel().objects.firstKey();
        for (long seed : SEEDS) {
            Machine machine = Machine.boot(profile, seed);
            machine.execute(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
            Kernel k = machine.kernel();
            assertThat(k.systemProcess.uniqueProcessId).as("System keeps PID 4").isEqualTo(4);
            for (var entry : k.pspCidTable.entries().entrySet()) {
                assertThat(entry.getKey() % 4).isZero();
                assertThat(entry.getKey()).isBetween(4L, 0x1000L);
            }
            for (KernelObject object : k.objects.values()) {
                assertThat(object.address >>> 32).as("the profile's kernel address range").isEqualTo(lowestDefault >>> 32);
                assertThat(object.address - lowestDefault).as("above the default machine's pools, by at most 16 MB more")
                        .isBetween(0L, 0x04000000L);
                assertThat(object.address % 8).as("pool addresses stay aligned").isZero();
            }
            for (EProcess p : k.processes()) {
                for (long handle : p.objectTable.handles()) {
                    assertThat(handle % 4).isZero();
                    assertThat(handle).isBetween(4L, 0x1000L);
                }
                for (EThread t : p.threadListHead.owners()) {
                    assertThat(t.uniqueThread % 4).isZero();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aPidCopiedFromAnotherSeedsMachineDoesNotOpenTheSameProcess(Profile profile) {
        Machine alice = Machine.boot(profile, 11);
        Machine bob = Machine.boot(profile, 12);
        String created = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";
        long alicesNotepad = pidIn(alice.execute(created).output());
        long bobsNotepad = pidIn(bob.execute(created).output());
        assertThat(alicesNotepad).isNotEqualTo(bobsNotepad);

        CommandResult copied = bob.execute(".call explorer.exe OpenProcess PROCESS_QUERY_LIMITED_INFORMATION 0x" + Long.toHexString(alicesNotepad));

        KernelObject there = bob.kernel().pspCidTable.lookup(alicesNotepad);
        assertThat(there instanceof EProcess p && p.imageFileName.equals("notepad.exe")).isFalse();
        assertThat(copied.output()).doesNotContain("notepad.exe");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void timeTravelRebuildsTheSeededMachine(Profile profile) {
        Machine machine = run(profile, 0x5eed);
        String present = machine.snapshotJson();
        long position = machine.position();
        assertThat(machine.execute("!tt 0").accepted()).isTrue();
        assertThat(machine.execute("!tt present").accepted()).isTrue();
        assertThat(machine.position()).isEqualTo(position);
        assertThat(machine.snapshotJson()).isEqualTo(present);
        assertThat(machine.bootSeed()).isEqualTo(0x5eed);
    }

    private static Machine run(Profile profile, long seed) {
        Machine machine = Machine.boot(profile, seed);
        SESSION.forEach(machine::execute);
        return machine;
    }

    private static long pidIn(String answer) {
        Matcher m = Pattern.compile("dwProcessId: 0x([0-9a-f]+)").matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        return Long.parseLong(m.group(1), 16);
    }

    /** The answers with every hex number and decimal in parentheses blanked out. */
    private static String hideNumbers(String text) {
        return text.replaceAll("(0x)?[0-9a-f]{8}`[0-9a-f]{8}", "<addr>")
                .replaceAll("0x[0-9a-f]+", "<n>")
                .replaceAll("\\(\\d+\\)", "(<n>)")
                .replaceAll("\\b[0-9a-f]{4,16}\\b", "<n>");
    }
}
