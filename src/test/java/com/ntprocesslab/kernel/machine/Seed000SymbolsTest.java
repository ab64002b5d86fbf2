package com.ntprocesslab.kernel.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's {@code x nt!*CreateProcess*} on Windows 10, compared name by name: every name this
 * machine models is listed, each listed function runs when its caller does, each listed data
 * symbol is a real object {@code dq} shows, and every name it leaves out is listed here with why.
 */
class Seed000SymbolsTest {
    /** The 25 names of seed 000's listing, in its order. */
    private static final List<String> SEED_000 = List.of("PspSetCreateProcessNotifyRoutine", "ExpWnfCreateProcessContext",
            "PspCreateProcess$filt$0", "PspDeleteCreateProcessContext", "MmCreateProcessAddressSpace", "PspCreateProcess",
            "ViCreateProcessCallback", "ViCreateProcessCallbackInternal", "NtCreateProcessEx", "VerifierPsSetCreateProcessNotifyRoutineEx",
            "ZwCreateProcessEx", "pXdvPsSetCreateProcessNotifyRoutineEx", "PspValidateCreateProcessProtection",
            "PsSetCreateProcessNotifyRoutineEx", "PspCreateProcessNotifyRoutineCount", "PsSetCreateProcessNotifyRoutineEx2",
            "PspCreateProcessNotifyRoutineExCount", "PsSetCreateProcessNotifyRoutine", "MiCreateProcessDefaultAweInfo",
            "PspBuildCreateProcessContext", "ZwCreateProcess", "PspCreateProcessNotifyRoutine", "VerifierPsSetCreateProcessNotifyRoutine",
            "pXdvPsSetCreateProcessNotifyRoutine", "NtCreateProcess");

    /** The seed's names this machine does not model, and why. */
    private static final Map<String, String> NOT_MODELED = new TreeMap<>(Map.of(
            "ExpWnfCreateProcessContext", "the Windows Notification Facility is not modelled",
            "PspCreateProcess$filt$0", "a compiler-generated exception filter; the machine has no SEH",
            "ViCreateProcessCallback", "Driver Verifier is not modelled",
            "ViCreateProcessCallbackInternal", "Driver Verifier is not modelled",
            "VerifierPsSetCreateProcessNotifyRoutineEx", "Driver Verifier's thunk; no verified drivers",
            "VerifierPsSetCreateProcessNotifyRoutine", "Driver Verifier's thunk; no verified drivers",
            "pXdvPsSetCreateProcessNotifyRoutineEx", "Driver Verifier's import table",
            "pXdvPsSetCreateProcessNotifyRoutine", "Driver Verifier's import table",
            "PspValidateCreateProcessProtection", "protected processes (PS_PROTECTION) are not modelled",
            "MiCreateProcessDefaultAweInfo", "AWE (Address Windowing Extensions) is not modelled"));
    static {
        // Windows 10's kernel components make their minimal processes with PsCreateMinimalProcess itself
        // (CmpInitializeRegistryProcess, SmFirstTimeInit: ntoskrnl 10.0's callee lists), not through a Zw stub
        NOT_MODELED.put("ZwCreateProcessEx", "no kernel component of the machine creates a process through the Zw stub");
        NOT_MODELED.put("ZwCreateProcess", "no kernel component of the machine creates a process through the Zw stub");
    }

    private final Machine machine = LabMachine.boot();

    private List<String> listed() {
        List<String> names = new ArrayList<>();
        for (String line : LabMachine.ok(machine, "x nt!*CreateProcess*").output().split("\n")) {
            String symbol = line.split(" ")[1];
            names.add(symbol.substring(symbol.indexOf('!') + 1));
        }
        return names;
    }

    @Test
    void xListsExactlyTheSeedsNamesThisMachineModels() {
        Set<String> modeled = new LinkedHashSet<>(SEED_000);
        modeled.removeAll(NOT_MODELED.keySet());

        assertThat(NOT_MODELED.keySet()).isSubsetOf(SEED_000);
        assertThat(listed()).containsExactlyInAnyOrderElementsOf(modeled);
    }

    @Test
    void dataSymbolsPrintWithoutTypeInformationAndDqShowsThem() {
        String x = LabMachine.ok(machine, "x nt!PspCreateProcessNotifyRoutine*").output();

        assertThat(x).containsPattern("fffff802`[0-9a-f]{8} nt!PspCreateProcessNotifyRoutine = <no type information>")
                .contains("nt!PspCreateProcessNotifyRoutineCount = <no type information>");
        // the boot drivers' routines: CNG's plain one and WdFilter's Ex one
        assertThat(LabMachine.ok(machine, "dd nt!PspCreateProcessNotifyRoutineCount L1").output()).endsWith(" 00000001");
        assertThat(LabMachine.ok(machine, "dd nt!PspCreateProcessNotifyRoutineExCount L1").output()).endsWith(" 00000001");
        assertThat(LabMachine.ok(machine, "x nt!PsActiveProcessHead").output()).contains("nt!PsActiveProcessHead = <no type information>");
    }

    @Test
    void everyListedFunctionRunsWhenItsCallerDoes() {
        List<String> functions = new ArrayList<>();
        for (String name : listed()) {
            if (!Symbols.isData("nt!" + name)) {
                functions.add("nt!" + name);
            }
        }
        Set<String> ran = new LinkedHashSet<>();
        machine.engine().setListener(e -> {
            ran.add(e.symbol());
            ran.add(e.routine());
        });
        // a driver registers a process routine (PsSet*Ex -> PspSet*), then a creation runs and one fails
        LabMachine.ok(machine, ".call lsass.exe NtLoadDriver \\Registry\\Machine\\System\\CurrentControlSet\\Services\\procmon");
        LabMachine.ok(machine, "g");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\nosuch.exe");
        // NtCreateProcessEx -> PspCreateProcess, which refuses a handle that is not a section's
        LabMachine.ok(machine, ".call explorer.exe NtCreateProcessEx -1 0 0x4");
        // the older service, which hands its InheritObjectTable to NtCreateProcessEx as a flag
        LabMachine.ok(machine, ".call explorer.exe NtCreateProcess -1 FALSE 0x4");
        ran.retainAll(functions);
        List<String> notRun = new ArrayList<>(functions);
        notRun.removeAll(ran);

        // PsSetCreateProcessNotifyRoutine and ...Ex2 are exported for drivers procmon is not; they share PspSet*
        assertThat(notRun).containsExactlyInAnyOrder("nt!PsSetCreateProcessNotifyRoutine", "nt!PsSetCreateProcessNotifyRoutineEx2");
        assertThat(Symbols.routine("nt!PsSetCreateProcessNotifyRoutine").steps().getFirst().symbol()).isEqualTo("nt!PspSetCreateProcessNotifyRoutine");
        assertThat(Symbols.routine("nt!PsSetCreateProcessNotifyRoutineEx2").steps().getFirst().symbol()).isEqualTo("nt!PspSetCreateProcessNotifyRoutine");
    }
}
