package com.ntprocesslab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One emulated NT machine. The walking-skeleton boot builds the process list directly; the
 * creation pipeline replaces it behind this same facade.
 */
public final class Machine implements java.io.Serializable {

    public static final String KERNEL_VERSION = "0.1.0";

    private record Process(long address, int pid, int parentPid, String image, long dirBase, int handleCount) implements java.io.Serializable {}

    private final Profile profile;
    private final List<Process> processes = new ArrayList<>();
    private long position;

    private Machine(Profile profile) {
        this.profile = profile;
    }

    public static Machine boot(Profile profile) {
        if (profile != Profile.MODERN) {
            throw new IllegalArgumentException("The " + profile + " profile is not available yet; use MODERN.");
        }
        Machine machine = new Machine(profile);
        String[] images = {"System", "smss.exe", "csrss.exe", "wininit.exe", "services.exe", "lsass.exe", "winlogon.exe", "explorer.exe"};
        int[] parents = {0, 4, 8, 8, 16, 16, 8, 28};
        for (int i = 0; i < images.length; i++) {
            int pid = 4 * (i + 1);
            machine.processes.add(new Process(0xffffa08f_1c2d3040L + 0x1000L * i, pid, parents[i], images[i], 0x1ad002L + 0x1000L * i, 1 + i));
        }
        return machine;
    }

    public CommandResult execute(String commandLine) {
        String command = commandLine.strip();
        if (command.equals("!process 0 0")) {
            position++;
            return CommandResult.accepted(processDump());
        }
        String verb = command.isEmpty() ? "" : command.split("\\s+")[0];
        return CommandResult.rejected("Unknown command '" + verb + "'.");
    }

    private String processDump() {
        StringBuilder out = new StringBuilder("**** NT ACTIVE PROCESS DUMP ****\n");
        for (Process p : processes) {
            out.append(String.format(Locale.ROOT, "PROCESS %s%n    SessionId: none  Cid: %04x    Peb: 00000000  ParentCid: %04x%n"
                            + "    DirBase: %08x  ObjectTable: %s  HandleCount: %d.%n    Image: %s%n%n",
                    address(p.address()), p.pid(), p.parentPid(), p.dirBase(), address(p.address() + 0x800), p.handleCount(), p.image()));
        }
        return out.toString().stripTrailing();
    }

    private static String address(long value) {
        String hex = String.format(Locale.ROOT, "%016x", value);
        return hex.substring(0, 8) + "`" + hex.substring(8);
    }

    public String snapshotJson() {
        StringBuilder json = new StringBuilder("{\"position\":" + position + ",\"processes\":[");
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            json.append(i == 0 ? "" : ",").append("{\"ImageFileName\":\"").append(p.image()).append("\",\"UniqueProcessId\":").append(p.pid()).append('}');
        }
        return json.append("]}").toString();
    }

    public List<String> checkInvariants() {
        return List.of();
    }

    public long position() {
        return position;
    }

    public Profile profile() {
        return profile;
    }
}
