package com.ntprocesslab.lab.progress;

import com.ntprocesslab.session.MachineMoments;
import com.ntprocesslab.session.ObservedHistory;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.store.grading.CheckpointReachedRepository;
import com.ntprocesslab.store.machine.CommandLogEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * What an instructor reviewing one student's machine needs besides the replay itself: whose
 * it is, where on its history each checkpoint was first reached (the scrubber's markers), the
 * class to go back to, and the full command history with timestamps to download. Only for a
 * machine the instructor may read; any other id is not found.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MachineReview {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccessPolicy access;
    private final MachineMoments histories;
    private final CheckpointReachedRepository reached;
    private final ClassroomService classrooms;

    /** A checkpoint first reached on this machine, after command {@code command} of its log. */
    public record Marker(String checkpointId, long command, Optional<Instant> at) {
    }

    /** The machine described for its review page. */
    public record Review(ObservedHistory machine, List<Marker> markers, Optional<Long> classroomId) {
    }

    public Review review(String instructor, long machineId) {
        access.requireInstructor(instructor);
        ObservedHistory machine = histories.describe(instructor, machineId);
        List<Marker> markers = reached.findByMachineIdOrderByLogPosition(machineId).stream()
                .map(row -> new Marker(row.getCheckpointId(), row.getLogPosition(), row.getReachedAt())).toList();
        Optional<Long> classroom = access.classesTaughtBy(instructor).stream()
                .filter(c -> classrooms.roster(instructor, c.getId()).stream().anyMatch(s -> s.studentId() == machine.ownerId()))
                .map(Classroom::getId).findFirst();
        return new Review(machine, markers, classroom);
    }

    /** The student's command history as CSV: index, time accepted, command, answer. */
    public void writeHistoryCsv(String instructor, long machineId, Appendable out) throws IOException {
        List<CommandLogEntry> log = commands(instructor, machineId);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("command_index", "accepted_at", "command", "output").get())) {
            for (CommandLogEntry entry : log) {
                csv.printRecord(entry.getSeq(), entry.getAcceptedAt(), entry.getCommand(), entry.getOutput());
            }
        }
    }

    /** The same history as JSON: the machine, its owner and purpose, then every command with its time and answer. */
    public String historyJson(String instructor, long machineId) {
        ObservedHistory machine = histories.describe(instructor, machineId);
        List<Map<String, Object>> commands = commands(instructor, machineId).stream().map(entry -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("commandIndex", entry.getSeq());
            row.put("acceptedAt", entry.getAcceptedAt().toString());
            row.put("command", entry.getCommand());
            row.put("output", entry.getOutput());
            return row;
        }).toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("machineId", machine.machineId());
        document.put("student", machine.ownerName());
        document.put("purpose", machine.purpose());
        document.put("commands", commands);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    private List<CommandLogEntry> commands(String instructor, long machineId) {
        access.requireInstructor(instructor);
        return histories.commands(instructor, machineId);
    }
}
