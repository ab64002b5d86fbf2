package com.ntprocesslab.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.ui.i18n.AppI18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The kernel's rejections, as a student in Chinese mode reads them in the console. */
class KernelErrorsTest {

    private static final AppI18NProvider I18N = new AppI18NProvider();
    /** Words of the kernel's English frames and explanations; command names and paths are not words of a language. */
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(Unknown|command|Syntax|error|Couldn't|resolve|expected|takes|Nothing|waiting|live process|unknown|Already|position|lives|Callable|or)\\b|e\\.g\\.");

    private static String chinese(String output) {
        return KernelErrors.in(output, false, (key, args) -> I18N.getTranslation(key, Locale.SIMPLIFIED_CHINESE, args));
    }

    @Test
    void everyBadCommandOfABeginnerIsAnsweredInChinese() {
        Machine machine = Machine.boot(Profile.MODERN);
        for (String bad : List.of("frobnicate", "!process 0 0 extra more", ".call explorer.exe CreateProcessW", ".call nosuch.exe CreateProcessW C:\\x.exe",
                ".call explorer.exe Frob 1", "t-", "dt nt!_EPROCESS 0x1234", ".fail nothing", "!handle zz", "bc 7")) {
            CommandResult result = machine.execute(bad);
            assertThat(result.accepted()).as(bad).isFalse();
            String shown = chinese(result.output());
            assertThat(shown).as(bad + " -> " + shown).doesNotContainPattern(ENGLISH).containsPattern("\\p{IsHan}");
        }
    }

    @Test
    void theArgumentsTheStudentTypedStayAsTyped() {
        Machine machine = Machine.boot(Profile.MODERN);
        // !process 0 0 <image> is WinDbg's filter by image name; a fourth word is the error
        assertThat(chinese(machine.execute("!process 0 0 extra more").output()))
                .startsWith("语法错误，位于 'more'：应为 !process [0 | -1 | cid | address] [flags] [image]，例如 !process 0 0 explorer.exe 或 !process 44 7");
        assertThat(chinese(machine.execute(".call nosuch.exe CreateProcessW C:\\x.exe").output()))
                .isEqualTo("无法解析 'nosuch.exe'：没有该映像名或 PID 的活动进程。");
    }

    @Test
    void theSessionsRefusalsAreTranslatedToo() {
        assertThat(chinese("A command has at most 500 characters; this one has 612.")).isEqualTo("一条命令最多 500 个字符；这条有 612 个。");
        assertThat(chinese("Refused: this command ran longer than 2000 ms, the most one command may take. Nothing was saved and the machine"
                + " is as before it; use a narrower command.")).startsWith("已拒绝：这条命令运行超过 2000 毫秒");
    }

    @Test
    void englishIsTheKernelsOwnText() {
        String output = Machine.boot(Profile.MODERN).execute("frobnicate").output();
        assertThat(KernelErrors.in(output, true, (key, args) -> "!" + key)).isEqualTo(output);
    }
}
