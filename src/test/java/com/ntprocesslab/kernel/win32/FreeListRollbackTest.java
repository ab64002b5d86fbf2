package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failed creation leaves every handle table's free list as it found it, so the next handle
 * each process gets is the one it would have got (the machine's rule that a failed call changes
 * nothing; with LIFO reuse, WRK ex/handle.c, the order of the free list is state).
 */
class FreeListRollbackTest {
    static Stream<Arguments> failures() {
        return Stream.of("file", "section", "process", "token", "addressspace", "handletable", "cid", "peb", "handle",
                        "thread", "stack", "teb", "csr")
                .flatMap(kind -> Stream.of(Arguments.of(Profile.MODERN, kind), Arguments.of(Profile.CLASSIC, kind)));
    }

    private static Map<Long, Object> freeLists(Machine m) {
        Map<Long, Object> lists = new TreeMap<>();
        for (EProcess p : m.kernel().processes()) {
            if (p.objectTable != null) {
                lists.put(p.uniqueProcessId, p.objectTable.freeList());
            }
        }
        return lists;
    }

    @ParameterizedTest(name = "{0}: .fail {1}")
    @MethodSource("failures")
    void aFailedCreationLeavesEveryFreeListAsItWas(Profile profile, String kind) {
        Machine m = LabMachine.boot(profile);
        // a free list with an order of its own: two handles opened, the first closed
        long a = Long.decode(LabMachine.ok(m, ".call explorer.exe CreateEventW").output().split("returned ")[1].split("\n")[0].trim());
        LabMachine.ok(m, ".call explorer.exe CreateEventW");
        LabMachine.ok(m, ".call explorer.exe CloseHandle 0x" + Long.toHexString(a));
        Map<Long, Object> before = freeLists(m);
        LabMachine.ok(m, ".fail " + kind);

        assertThat(LabMachine.ok(m, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output()).contains("returned FALSE");
        LabMachine.ok(m, "g");

        assertThat(freeLists(m)).isEqualTo(before);
    }
}
