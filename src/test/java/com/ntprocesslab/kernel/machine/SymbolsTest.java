package com.ntprocesslab.kernel.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.RoutinePublisher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The symbol table is what the components publish: every routine a machine runs is in it, under its own profile. */
class SymbolsTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyRoutineAMachineRunsIsPublishedForItsProfile(Profile profile) {
        TreeSet<String> ran = new TreeSet<>();
        Machine machine = Machine.boot(profile, event -> ran.add(event.routine()));
        machine.engine().setListener(event -> ran.add(event.routine()));
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");
        LabMachine.ok(machine, ".call notepad.exe ExitProcess 0");
        LabMachine.ok(machine, "g");

        assertThat(ran).hasSizeGreaterThan(30);
        for (String routine : ran) {
            assertThat(Symbols.all(profile)).as(routine + " on a " + profile + " machine").containsKey(routine);
        }
        assertThat(Symbols.all(profile).get("nt!NtCreateThread") == null).isEqualTo(profile == Profile.MODERN);
    }

    /** A snapshot names the routines on its stacks by key; a key two published routines share resolves to none. */
    @Test
    void aPublishedRoutineIsFoundAgainByItsKey() {
        Map<String, Set<Routine>> byKey = new TreeMap<>();
        for (RoutinePublisher component : ServiceLoader.load(RoutinePublisher.class)) {
            List<Routine> routines = new ArrayList<>(component.shared());
            for (Profile profile : Profile.values()) {
                routines.addAll(component.only(profile));
            }
            for (Routine routine : routines) {
                byKey.computeIfAbsent(routine.key(), key -> Collections.newSetFromMap(new IdentityHashMap<>())).add(routine);
            }
        }
        assertThat(byKey).hasSizeGreaterThan(100);
        byKey.forEach((key, routines) -> {
            if (routines.size() == 1) {
                assertThat(Symbols.routineByKey(key)).as(key).isSameAs(routines.iterator().next());
            } else {
                assertThat(Symbols.routineByKey(key)).as(key).isNull();
            }
        });
    }

    /**
     * ln and k name a code address by the nearest symbol at or below it, so a routine's call sites
     * (the offsets k, u and ln print) must all lie below the next symbol of its module: on the XP
     * machine they ran up to twice past it (ln of a PspCreateProcess call site said PspExitThread+0x8a).
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyCallSiteOfARoutineLiesBeforeTheNextSymbol(Profile profile) {
        // per module: every XP program is based at 0x00400000, each in its own process
        Map<String, TreeMap<Long, String>> byModule = new TreeMap<>();
        Symbols.all(profile).forEach((symbol, address) -> byModule
                .computeIfAbsent(symbol.substring(0, symbol.indexOf('!')), m -> new TreeMap<>()).putIfAbsent(address, symbol));
        for (Map.Entry<String, Long> e : Symbols.all(profile).entrySet()) {
            Routine routine = Symbols.routine(e.getKey(), profile);
            if (routine == null || e.getValue() == 0) {
                continue;
            }
            // a code label of the routine itself (ntdll!KiFastSystemCallRet inside KiFastSystemCall) names
            // its call site on purpose: it stands at that offset, and the next symbol is the one after it
            Map<String, Integer> labels = routine.codeLabels();
            labels.forEach((label, offset) -> assertThat(Symbols.address(label, profile)).as(label).isEqualTo(e.getValue() + offset));
            Map.Entry<Long, String> next = byModule.get(e.getKey().substring(0, e.getKey().indexOf('!'))).higherEntry(e.getValue());
            while (next != null && labels.containsKey(next.getValue())) {
                next = byModule.get(e.getKey().substring(0, e.getKey().indexOf('!'))).higherEntry(next.getKey());
            }
            for (int pc = 0; pc < routine.steps().size() && next != null; pc++) {
                assertThat(e.getValue() + routine.returnOffset(pc)).as("%s+0x%x on %s (next: %s)", e.getKey(), routine.returnOffset(pc), profile, next.getValue())
                        .isLessThan(next.getKey());
            }
        }
    }
}
