package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.csr.CsrServerThreads;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.io.ImageDescriptor;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.NtArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a guest image's script into its entry routine: one call step per line (the API the
 * line names) followed by a step that records GetLastError. Routines are derived only from
 * immutable image data, so they are shared by every machine.
 */
public final class GuestPrograms {
    public static final List<String> OPS = List.of("CsrssMain", "WriteNullPointer", "Spin", "CmdRunBatch", "SvcctrlMain", "SvcEntry_Seclogon");
    public static final long STATUS_ILLEGAL_INSTRUCTION = 0xC000001DL;

    private static final Map<String, Routine> ENTRIES = new ConcurrentHashMap<>();

    private GuestPrograms() {
    }

    public static Routine op(String name) {
        return switch (name) {
            case "CsrssMain" -> CsrServerThreads.CsrssMain;
            case "WriteNullPointer" -> Ntdll.KiUserExceptionDispatcher;
            case "CmdRunBatch" -> CmdRunBatch;
            case "SvcctrlMain" -> ServiceControl.SvcctrlMain;
            case "SvcEntry_Seclogon" -> SecondaryLogon.SvcEntrySeclogon;
            default -> null;
        };
    }

    public static Routine entryFor(EProcess process) {
        return entryForFile(process.sectionObject.fileObject.file);
    }

    /** The entry routine as a machine of {@code profile} runs it: its call steps name that kernel's APIs. */
    public static Routine entryFor(EProcess process, Profile profile) {
        return entryForFile(process.sectionObject.fileObject.file, profile);
    }

    public static Routine entryForFile(VolumeFile file) {
        return entryForFile(file, Profile.MODERN);
    }

    /**
     * A script that calls an API whose XP code differs gets its own classic routine; any other
     * script is the same code on both kernels, and must stay one routine so its key stays unique.
     */
    public static Routine entryForFile(VolumeFile file, Profile profile) {
        Profile variant = profile == Profile.CLASSIC && callsClassicApi(file) ? Profile.CLASSIC : Profile.MODERN;
        // keyed by the script's text, not the image object: the classic volume's notepad.exe runs
        // the same code as the modern one and must be the same routine (one routine per key)
        String script = file.image().script() == null ? "" : String.join("\n", file.image().script());
        return ENTRIES.computeIfAbsent(file.path().toLowerCase(Locale.ROOT) + "|" + file.image().subsystem() + "|" + script + "|" + variant,
                key -> build(file, variant));
    }

    private static boolean callsClassicApi(VolumeFile file) {
        if (file.image().script() == null) {
            return false;
        }
        for (String text : file.image().script()) {
            if (text.startsWith(":")) {
                continue;
            }
            ApiSpec spec = Apis.find(Line.parse(text).api());
            if (spec != null && spec.classicEntry() != null) {
                return true;
            }
        }
        return false;
    }

    public static String entrySymbol(VolumeFile file) {
        return entrySymbol(file.name(), file.image().subsystem());
    }

    /** The CRT startup symbol an image of this name and subsystem has at its entry point. */
    public static String entrySymbol(String imageName, int subsystem) {
        int dot = imageName.lastIndexOf('.');
        String module = dot < 0 ? imageName : imageName.substring(0, dot);
        String entry = switch (subsystem) {
            case ImageDescriptor.IMAGE_SUBSYSTEM_NATIVE -> "NtProcessStartup";
            case ImageDescriptor.IMAGE_SUBSYSTEM_WINDOWS_CUI -> "wmainCRTStartup";
            default -> "wWinMainCRTStartup";
        };
        return module + "!" + entry;
    }

    /** A parsed script line: optional result name, API and argument words. */
    public record Line(String variable, String api, List<String> args) {
        public static Line parse(String text) {
            String body = text.trim();
            String variable = null;
            int eq = body.indexOf(" = ");
            if (eq > 0) {
                variable = body.substring(0, eq).trim();
                body = body.substring(eq + 3).trim();
            }
            List<String> words = new ArrayList<>(List.of(body.split("\\s+")));
            String api = words.remove(0);
            return new Line(variable, api, words);
        }
    }

    /**
     * A script's thread procedures: after the main program's lines, a line {@code :Name}
     * starts the LPTHREAD_START_ROUTINE {@code <module>!Name}, which runs to the next label or
     * the end; its last call's result is the thread's exit code (what BaseThreadInitThunk
     * passes to ExitThread). Names in the order the script defines them.
     */
    public static List<String> procedures(VolumeFile file) {
        List<String> names = new ArrayList<>();
        if (file.image().script() != null) {
            for (String text : file.image().script()) {
                if (text.startsWith(":")) {
                    names.add(text.substring(1).trim());
                }
            }
        }
        return names;
    }

    /** The lines of one part of the script: the main program ({@code name} null) or the procedure {@code :name}. */
    private static List<String> part(List<String> script, String name) {
        List<String> lines = new ArrayList<>();
        boolean inside = name == null;
        for (String text : script) {
            if (text.startsWith(":")) {
                inside = text.substring(1).trim().equals(name);
                continue;
            }
            if (inside) {
                lines.add(text);
            }
        }
        return lines;
    }

    /** The symbol of a thread procedure of this image: {@code <module>!Name}. */
    public static String procedureSymbol(VolumeFile file, String name) {
        return file.name().substring(0, file.name().lastIndexOf('.')) + "!" + name;
    }

    /**
     * The routine the thread procedure {@code name} of the process's image is, as a machine of
     * {@code profile} runs it, or null when the image defines no procedure of that name (the
     * case-sensitive name, as the linker's symbol is).
     */
    public static Routine procedureFor(EProcess process, String name, Profile profile) {
        VolumeFile file = process.sectionObject == null ? null : process.sectionObject.fileObject.file;
        return file == null || !file.isImage() ? null : procedureForFile(file, name, profile);
    }

    public static Routine procedureForFile(VolumeFile file, String name, Profile profile) {
        if (name == null || !procedures(file).contains(name)) {
            return null;
        }
        Profile variant = profile == Profile.CLASSIC && callsClassicApi(file) ? Profile.CLASSIC : Profile.MODERN;
        String script = String.join("\n", file.image().script());
        return ENTRIES.computeIfAbsent(file.path().toLowerCase(Locale.ROOT) + "|" + file.image().subsystem() + "|" + script + "|" + variant + "|:" + name,
                key -> build(procedureSymbol(file, name), part(file.image().script(), name), variant));
    }

    private static Routine build(VolumeFile file, Profile profile) {
        List<String> script = file.image().script() == null ? List.of("ExitProcess 0") : part(file.image().script(), null);
        return build(entrySymbol(file), script, profile);
    }

    private static Routine build(String symbol, List<String> script, Profile profile) {
        Routine.Builder<Subsystems, EThread> b = Subsystems.win32Routine(symbol);
        for (String text : script) {
            Line line = Line.parse(text);
            ApiSpec spec = Apis.find(line.api());
            if (spec == null) {
                b.step("ntdll!KiUserExceptionDispatcher", (k, t, f) -> crash(k.profile));
                continue;
            }
            if (line.api().equals("Spin")) {
                int self = b.size();
                b.inline((k, t, f) -> StepResult.jump(self));
                continue;
            }
            int callStep = b.size();
            b.step(spec.entryFor(profile).symbol(), (k, t, f) -> {
                GuestLocals locals = f.args(GuestLocals.class);
                ApiCall call = new ApiCall(spec, String.join(" ", line.args()));
                List<String> args = new ArrayList<>();
                for (String word : line.args()) {
                    String resolved = resolve(word, locals);
                    if (resolved == null) {
                        return crash(k.profile);
                    }
                    args.add(resolved);
                }
                if (spec.parser().parse(args, call) != null) {
                    return crash(k.profile);
                }
                call.callerPid = t.process.uniqueProcessId;
                locals.current = call;
                if (line.variable() != null) {
                    locals.results.put(line.variable(), call);
                }
                Object callArgs = switch (line.api()) {
                    case "WriteNullPointer" -> NtArgs.of(0, com.ntprocesslab.kernel.nt.NtStatus.STATUS_ACCESS_VIOLATION);
                    default -> call;
                };
                return StepResult.call(spec.entryFor(k.profile), callArgs);
            });
            b.inline((k, t, f) -> {
                GuestLocals locals = f.args(GuestLocals.class);
                if (locals.current != null) {
                    LastError.capture(t, locals.current);
                }
                // an idle loop: while (WaitForSingleObjectEx(h, ms, TRUE) == WAIT_IO_COMPLETION); waits again after each user APC
                if (locals.current != null && locals.current.alertable && locals.current.returnValue == ApiCall.WAIT_IO_COMPLETION) {
                    return jump(callStep);
                }
                return next();
            });
        }
        b.inline((k, t, f) -> {
            GuestLocals locals = f.args(GuestLocals.class);
            return ret(locals.current == null ? 0 : locals.current.returnValue);
        });
        return b.build();
    }

    private static StepResult crash(Profile profile) {
        Routine dispatcher = profile == Profile.CLASSIC ? Kernel32Api.KiUserExceptionDispatcher : Ntdll.KiUserExceptionDispatcher;
        return StepResult.call(dispatcher, NtArgs.of(0, STATUS_ILLEGAL_INSTRUCTION));
    }

    private static String resolve(String word, GuestLocals locals) {
        if (!word.startsWith("$")) {
            return word;
        }
        String name = word.substring(1);
        String field = "";
        int dot = name.indexOf('.');
        if (dot >= 0) {
            field = name.substring(dot + 1);
            name = name.substring(0, dot);
        }
        ApiCall result = locals.results.get(name);
        Long value = result == null ? null : result.field(field);
        return value == null ? null : "0x" + Long.toHexString(value);
    }

    /**
     * cmd.exe /c <file>: each line of the batch file is started with CreateProcessW and waited
     * for; the exit code of the last one becomes cmd's.
     */
    static final Routine CmdRunBatch = Subsystems.win32Routine("cmd!BatLoop")
            .inline((k, t, f) -> {
                BatchState s = new BatchState(f.args(ApiCall.class));
                String line = t.process.peb == null || t.process.peb.commandLine == null ? "" : t.process.peb.commandLine;
                int c = line.toLowerCase(Locale.ROOT).indexOf("/c ");
                String path = c < 0 ? "" : line.substring(c + 3).trim().replace("\"", "");
                VolumeFile batch = k.volume.find(path);
                if (batch == null || batch.content() == null) {
                    s.call.returnValue = 1;
                    return ret(1);
                }
                for (String command : batch.content().split("\\R")) {
                    if (!command.isBlank()) {
                        s.commands.add(command.trim());
                    }
                }
                return StepResult.call(GuestPrograms.BatchLine, s);
            })
            .inline((k, t, f) -> ret(f.args(ApiCall.class).returnValue))
            .build();

    /** One iteration per command: start it, wait for it, keep its exit code, close the handles. */
    static final Routine BatchLine = Subsystems.win32Routine("cmd!ExecPgm")
            .label("next")
            .inline((k, t, f) -> {
                BatchState s = f.args(BatchState.class);
                if (s.index >= s.commands.size()) {
                    return ret(s.call.returnValue);
                }
                s.child = new ApiCall(Apis.find("CreateProcessW"), s.commands.get(s.index));
                s.child.path = s.commands.get(s.index);
                s.child.callerPid = t.process.uniqueProcessId;
                return StepResult.call(s.child.spec.entryFor(k.profile), s.child);
            })
            .inline((k, t, f) -> {
                BatchState s = f.args(BatchState.class);
                if (s.child.returnValue == 0) {
                    s.call.returnValue = s.child.lastError;
                    s.index++;
                    return jump("next");
                }
                ApiCall wait = new ApiCall(Apis.find("WaitForSingleObject"), "");
                wait.handle = s.child.hProcess;
                return StepResult.call(wait.spec.entryFor(k.profile), wait);
            })
            .inline((k, t, f) -> {
                BatchState s = f.args(BatchState.class);
                s.query = new ApiCall(Apis.find("GetExitCodeProcess"), "");
                s.query.handle = s.child.hProcess;
                return StepResult.call(s.query.spec.entryFor(k.profile), s.query);
            })
            .inline((k, t, f) -> {
                BatchState s = f.args(BatchState.class);
                s.call.returnValue = s.query.value;
                ApiCall close = new ApiCall(Apis.find("CloseHandle"), "");
                close.handle = s.child.hThread;
                return StepResult.call(close.spec.entryFor(k.profile), close);
            })
            .inline((k, t, f) -> {
                BatchState s = f.args(BatchState.class);
                ApiCall close = new ApiCall(Apis.find("CloseHandle"), "");
                close.handle = s.child.hProcess;
                s.index++;
                return StepResult.call(close.spec.entryFor(k.profile), close);
            })
            .inline((k, t, f) -> jump("next"))
            .build();

    /** cmd's state while it runs a batch file. */
    public static final class BatchState {
        final ApiCall call;
        final List<String> commands = new ArrayList<>();
        int index;
        ApiCall child;
        ApiCall query;

        BatchState(ApiCall call) {
            this.call = call;
        }
    }
}
