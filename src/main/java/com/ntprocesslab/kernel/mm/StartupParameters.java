package com.ntprocesslab.kernel.mm;

import java.util.ArrayList;
import java.util.List;

/**
 * What CreateProcess's caller asked for the new process's RTL_USER_PROCESS_PARAMETERS beyond the
 * image and command line: lpCurrentDirectory, lpEnvironment and the STARTUPINFO fields the
 * machine models (BasePushProcessParameters in kernel32/kernelbase copies them; ReactOS
 * dll/win32/kernel32/client/proc.c). Null fields mean "not given": the child then gets the
 * parent's current directory, environment and desktop, and its image path as window title.
 */
public final class StartupParameters {
    public static final long STARTF_USESHOWWINDOW = 0x1;
    public static final long STARTF_USESTDHANDLES = 0x100;
    /** hStdInput carries the hotkey, not a handle. */
    public static final long STARTF_USEHOTKEY = 0x200;
    /** STARTF_HASSHELLDATA in Windows 2000's source: the std handle fields carry the shell's private data. */
    public static final long STARTF_SHELLPRIVATE = 0x400;

    public String currentDirectory;
    public List<String> environment;
    public String desktop;
    public String title;
    /** STARTUPINFO.dwFlags and wShowWindow. */
    public long flags;
    public long showWindow;
    public long stdInput;
    public long stdOutput;
    public long stdError;

    /** A copy kernel32 may change without touching the caller's record (null for null). */
    public static StartupParameters copyOf(StartupParameters s) {
        if (s == null) {
            return null;
        }
        StartupParameters c = new StartupParameters();
        c.currentDirectory = s.currentDirectory;
        c.environment = s.environment == null ? null : new ArrayList<>(s.environment);
        c.desktop = s.desktop;
        c.title = s.title;
        c.flags = s.flags;
        c.showWindow = s.showWindow;
        c.stdInput = s.stdInput;
        c.stdOutput = s.stdOutput;
        c.stdError = s.stdError;
        return c;
    }

    /** RTL_USER_PROCESS_PARAMETERS of a new process, from the request and its parent's PEB (null for none). */
    public static void write(Peb peb, String imagePath, String commandLine, StartupParameters s, Peb parent, int sessionId) {
        StartupParameters p = s == null ? new StartupParameters() : s;
        peb.imagePathName = imagePath;
        peb.commandLine = commandLine;
        String dir = p.currentDirectory != null ? p.currentDirectory
                : parent != null && parent.currentDirectory != null ? parent.currentDirectory : "C:\\Windows\\System32\\";
        peb.currentDirectory = dir.endsWith("\\") ? dir : dir + "\\";
        peb.desktopInfo = p.desktop != null ? p.desktop : sessionId > 0 ? "WinSta0\\Default" : "";
        peb.windowTitle = p.title != null ? p.title : imagePath;
        peb.environment = p.environment != null ? new ArrayList<>(p.environment)
                : parent != null && parent.environment != null ? new ArrayList<>(parent.environment) : null;
        peb.windowFlags = p.flags;
        peb.showWindowFlags = (p.flags & STARTF_USESHOWWINDOW) != 0 ? p.showWindow : 0;
        boolean std = (p.flags & STARTF_USESTDHANDLES) != 0;
        peb.standardInput = std ? p.stdInput : 0;
        peb.standardOutput = std ? p.stdOutput : 0;
        peb.standardError = std ? p.stdError : 0;
    }
}
