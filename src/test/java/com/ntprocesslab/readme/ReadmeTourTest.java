package com.ntprocesslab.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's student tour typed literally on a fresh machine: every command of "3. Try:" and
 * every literal command of "4. Drive it like WinDbg" is accepted, no API call fails but the one
 * the README says is refused, and the `!tt` example lands after boot. Handle values and boot length move when the kernel does; this
 * keeps the tour's numbers true.
 */
class ReadmeTourTest {

    @Test
    void theTourTypedLiterallyWorks() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> commands = new ArrayList<>(block(readme, "3. Try:"));
        for (String line : block(readme, "4. Drive it like WinDbg")) {
            // "command   explanation": the command is what comes before the first run of spaces;
            // "t / p / gu" lines name several commands and continuation lines only explain
            String command = line.split(" {2,}")[0];
            if (!command.contains(" / ") && !line.startsWith(" ")) {
                commands.add(command);
            }
        }
        assertThat(commands).contains("!process 0 0", ".dump", "x nt!*CreateProcess*", "!tt present");
        Machine machine = LabMachine.boot();

        for (String command : commands) {
            String output = LabMachine.ok(machine, command).output();
            if (command.endsWith("CREATE_NEW_CONSOLE|DETACHED_PROCESS")) {
                // the README says this one is refused: the two flags exclude each other
                assertThat(output).as(command).contains("returned FALSE", "ERROR_INVALID_PARAMETER");
            } else if (!command.equals(".dump")) {
                // (.dump is the machine as JSON, which records the refused call above)
                assertThat(output).as(command).doesNotContain("returned FALSE", "returned NULL", "before the end of boot");
            }
        }
        assertThat(machine.checkInvariants()).isEmpty();
    }

    /** The indented lines (seven spaces) of the code block that follows the line starting with {@code heading}. */
    private static List<String> block(List<String> readme, String heading) {
        int i = 0;
        while (!readme.get(i).startsWith(heading)) {
            i++;
        }
        i++;
        while (readme.get(i).isBlank()) {
            i++;
        }
        List<String> lines = new ArrayList<>();
        for (; i < readme.size() && (readme.get(i).startsWith("       ") || readme.get(i).isBlank()); i++) {
            if (!readme.get(i).isBlank()) {
                lines.add(readme.get(i).substring(7));
            }
        }
        return lines;
    }
}
