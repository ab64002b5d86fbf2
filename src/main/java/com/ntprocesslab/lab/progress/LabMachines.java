package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.ScriptLine;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.OpenedMachine;
import org.springframework.stereotype.Service;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A student's machine for a lab: booted with the lab's profile and prepared with its setup
 * through ordinary logged commands, so a replay of the log rebuilds it exactly.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LabMachines {

    private final Labs labs;
    private final MachineSessions sessions;

    /** The student's machine for the lab, booted and set up on first use. */
    public long openLab(String username, String labId) {
        Lab lab = labs.lab(labId);
        OpenedMachine machine = sessions.openForPurpose(username, lab.id(), lab.profile());
        if (machine.created()) {
            runSetup(username, lab, machine.machineId());
        }
        return machine.machineId();
    }

    /** A fresh machine for the lab, set up again; the old one is kept for the instructor, and what was reached stays reached. */
    public long resetLab(String username, String labId) {
        Lab lab = labs.lab(labId);
        long old = openLab(username, labId);
        long fresh = sessions.reset(old, username);
        runSetup(username, lab, fresh);
        return fresh;
    }

    private void runSetup(String username, Lab lab, long machineId) {
        for (ScriptLine line : lab.setup()) {
            ConsoleEntry entry = sessions.submit(machineId, username, line.command());
            if (!entry.accepted()) {
                throw new IllegalStateException("Lab " + lab.id() + " setup.cmd:" + line.line() + " was rejected: " + entry.output());
            }
        }
    }
}
