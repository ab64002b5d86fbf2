package com.ntprocesslab.kernel.io;

import java.util.Locale;
import java.util.Map;

/**
 * The object manager's DOS device links as the image path meets them: "\??\C:" is a symbolic
 * link (under \GLOBAL?? on Windows 10, \?? on XP) to the volume's device object, so the path
 * CreateProcess builds (\??\C:\Windows\System32\notepad.exe, RtlDosPathNameToNtPathName_U) names
 * \Device\HarddiskVolume1\Windows\System32\notepad.exe once the link is followed: the form
 * SeInitializeProcessAuditName records and seed 001 (stage 1) shows for c:\temp\a.exe.
 */
public final class DosDevices {
    /** The machine's one volume, C:, as seed 001's example numbers it. */
    public static final String SYSTEM_VOLUME = "\\Device\\HarddiskVolume1";
    private static final Map<String, String> LINKS = Map.of("C:", SYSTEM_VOLUME);
    private static final String DOS_DEVICES = "\\??\\";

    private DosDevices() {
    }

    /** The path with its \??\X: link followed, or the path itself when it names no DOS device this machine has. */
    public static String devicePath(String ntPath) {
        if (ntPath == null || !ntPath.startsWith(DOS_DEVICES) || ntPath.length() < DOS_DEVICES.length() + 2) {
            return ntPath;
        }
        String drive = ntPath.substring(DOS_DEVICES.length(), DOS_DEVICES.length() + 2).toUpperCase(Locale.ROOT);
        String device = LINKS.get(drive);
        return device == null ? ntPath : device + ntPath.substring(DOS_DEVICES.length() + 2);
    }
}
