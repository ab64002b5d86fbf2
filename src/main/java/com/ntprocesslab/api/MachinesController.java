package com.ntprocesslab.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineReading;
import com.ntprocesslab.session.MachineSessions;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The caller's own machines, as the console uses them: a command runs in the student's lane
 * of the machine work executor under the same budget, in order with what their open pages
 * type, and is in the log before the answer is sent.
 */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MachinesController {

    private final MachineSessions sessions;

    /** The caller's sandbox machine, created on first use. */
    @PostMapping("/sandbox")
    Sandbox sandbox(Authentication caller) {
        return new Sandbox(sessions.openSandbox(caller.getName()));
    }

    /** Runs one console command; a rejected one ({@code accepted: false}) changed nothing and is not logged. */
    @PostMapping("/machines/{machineId}/commands")
    Answer submit(Authentication caller, @PathVariable long machineId, @RequestBody CommandRequest request) {
        if (request == null || request.command() == null) {
            throw new IllegalArgumentException("Send the command as {\"command\": \"...\"}.");
        }
        ConsoleEntry entry = sessions.submit(machineId, caller.getName(), request.command());
        return new Answer(entry.command(), entry.output(), entry.accepted());
    }

    /** The accepted commands with the answers they got, oldest first (lab setup included). */
    @GetMapping("/machines/{machineId}/history")
    List<Answer> history(Authentication caller, @PathVariable long machineId) {
        return sessions.history(machineId, caller.getName()).stream()
                .map(entry -> new Answer(entry.command(), entry.output(), entry.accepted()))
                .toList();
    }

    /** The machine's canonical JSON snapshot (what {@code .dump} prints) and the log position it reflects. */
    @GetMapping("/machines/{machineId}/snapshot")
    Snapshot snapshot(Authentication caller, @PathVariable long machineId) {
        MachineReading reading = sessions.read(machineId, caller.getName());
        return new Snapshot(reading.machineId(), reading.logPosition(), reading.snapshotJson());
    }

    record Sandbox(long machineId) {
    }

    record CommandRequest(String command) {
    }

    record Answer(String command, String output, boolean accepted) {
    }

    record Snapshot(long machineId, long logPosition, @JsonRawValue String snapshot) {
    }
}
