package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.WorkBudget;
import com.ntprocesslab.kernel.exec.WorkBudgetExhaustedException;
import com.ntprocesslab.store.machine.CommandLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A machine's whole log replayed once into a private copy, so that any moment of it can be
 * rebuilt quickly: after any command (from a frozen copy taken every {@link #FREEZE_EVERY}
 * commands, then at most that many commands replayed) or at any step position (a time-travel
 * of the copy at its present, bounded by the kernel's own checkpoints). Nothing here touches
 * the owner's live machine or its log. Not thread safe: one caller at a time (one observer lane).
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class ReplayedHistory {

    /** Commands between two frozen copies: the most a move to a command replays. */
    public static final int FREEZE_EVERY = 100;
    private static final CheckpointCopier CHECKPOINTS = new CheckpointCopier();

    /** One accepted command: its index in the log (1 is the first), when it was accepted, and the machine's position after it. */
    public record Entry(int index, String command, String output, Instant acceptedAt, long positionAfter) {
    }

    /** The machine rebuilt at one moment: after {@code command} commands, standing at step {@code position}. */
    public record Moment(int command, long position, String snapshotJson) {
    }

    private final long machineId;
    private final List<CommandLogEntry> log;
    private final List<Entry> entries;
    private final long bootPosition;
    private final TreeMap<Integer, byte[]> frozen;
    private final Machine present;
    private final Duration timeLimit;

    /**
     * Boots the profile and replays the whole log, within {@code timeLimit}.
     *
     * @throws MachineWorkRefusedException when the replay takes longer
     */
    public static ReplayedHistory replay(long machineId, Profile profile, long bootSeed, List<CommandLogEntry> log, Duration timeLimit) {
        return within(timeLimit, machineId, () -> {
            Machine machine = Machine.boot(profile, bootSeed);
            machine.keepCheckpoints(CHECKPOINTS);
            TreeMap<Integer, byte[]> frozen = new TreeMap<>(Map.of(0, SnapshotCodec.encode(machine)));
            long bootPosition = machine.position();
            List<Entry> entries = new ArrayList<>(log.size());
            for (int i = 0; i < log.size(); i++) {
                CommandLogEntry entry = log.get(i);
                apply(machine, entry);
                entries.add(new Entry(i + 1, entry.getCommand(), entry.getOutput(), entry.getAcceptedAt(), machine.position()));
                if ((i + 1) % FREEZE_EVERY == 0) {
                    frozen.put(i + 1, SnapshotCodec.encode(machine));
                }
            }
            return new ReplayedHistory(machineId, List.copyOf(log), List.copyOf(entries), bootPosition, frozen, machine, timeLimit);
        });
    }

    public long machineId() {
        return machineId;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The position of the booted machine, before the first command: where the step scrubber starts. */
    public long bootPosition() {
        return bootPosition;
    }

    /** The end of the recorded history, where the step scrubber ends. */
    public long presentPosition() {
        return present.present();
    }

    /** Bytes held by the frozen copies (what an open review costs besides the machine at its present). */
    public long frozenBytes() {
        return frozen.values().stream().mapToLong(copy -> copy.length).sum();
    }

    /** The machine after the first {@code command} commands of the log (0: just booted). */
    public Moment atCommand(int command) {
        if (command < 0 || command > entries.size()) {
            throw new IllegalArgumentException("Command " + command + " is not in this history: choose 0 to " + entries.size() + ".");
        }
        return within(timeLimit, machineId, () -> {
            Map.Entry<Integer, byte[]> start = frozen.floorEntry(command);
            Machine machine = SnapshotCodec.decode(start.getValue());
            machine.keepCheckpoints(CHECKPOINTS);
            for (int i = start.getKey(); i < command; i++) {
                apply(machine, log.get(i));
            }
            return new Moment(command, machine.position(), machine.snapshotJson());
        });
    }

    /** The machine at step {@code position} of its recorded history, and the command that was running (or had just run) there. */
    public Moment atPosition(long position) {
        if (position < bootPosition || position > presentPosition()) {
            throw new IllegalArgumentException("Step " + position + " is not in this history: choose " + bootPosition + " to "
                    + presentPosition() + ".");
        }
        return within(timeLimit, machineId, () -> {
            // hex, because !tt reads a small decimal number as a percentage
            present.execute("!tt 0x" + Long.toHexString(position));
            return new Moment(commandAt(position), present.position(), present.snapshotJson());
        });
    }

    /** The first command after which the machine stood at or beyond the position (0 before the first command ran). */
    public int commandAt(long position) {
        for (Entry entry : entries) {
            if (entry.positionAfter() >= position) {
                return position <= bootPosition ? 0 : entry.index();
            }
        }
        return entries.size();
    }

    private static void apply(Machine machine, CommandLogEntry entry) {
        machine.replay(entry.getCommand(), entry.getKernelVersion());
    }

    private static <T> T within(Duration limit, long machineId, Supplier<T> work) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            return WorkBudget.run(Long.MAX_VALUE, () -> System.nanoTime() - deadline > 0, work).result();
        } catch (WorkBudgetExhaustedException e) {
            throw new MachineWorkRefusedException("Rebuilding machine " + machineId + " takes longer than " + limit.toSeconds()
                    + " s, the most a replay may take. Nothing was changed.");
        }
    }
}
