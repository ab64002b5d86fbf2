package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** !csrss's header counts agree with the CSR_PROCESS rows it lists under it (the root row included). */
class CsrssCountTest {
    private static final Pattern HEADER = Pattern.compile("(\\d+) CSR_PROCESS: CsrRootProcess and (\\d+) Win32 processes");

    private static void headerMatchesRows(Machine m) {
        String out = LabMachine.ok(m, "!csrss").output();
        for (String session : out.split("\n(?=Session )")) {
            Matcher h = HEADER.matcher(session);
            assertThat(h.find()).as(session).isTrue();
            long rows = session.lines().filter(l -> l.matches("  [0-9a-f]{4} .*")).count();
            assertThat(Long.parseLong(h.group(1))).as(session).isEqualTo(rows);
            assertThat(Long.parseLong(h.group(2))).as(session).isEqualTo(rows - 1);
        }
    }

    @Test
    void bothProfilesCountTheRowsTheyList() {
        Machine modern = LabMachine.boot();
        headerMatchesRows(modern);
        LabMachine.ok(modern, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(modern, "g");
        headerMatchesRows(modern);
        headerMatchesRows(LabMachine.boot(Profile.CLASSIC));
    }
}
