package com.ntprocesslab.kernel.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WinDbg's string wildcards, with the examples of Microsoft's "String Wildcard Syntax" page. */
class WildcardPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "Prog[er-t7]am, Program, true", "Prog[er-t7]am, Progeam, true", "Prog[er-t7]am, Prog7am, true",
            "Prog[er-t7]am, Progxam, false", "Prog[er-t7]am, Progam, false",
            "Lo#p, Lp, true", "Lo#p, Lop, true", "Lo#p, Looop, true", "Lo#p, Lxp, false",
            "m[ia]#n, mn, true", "m[ia]#n, miain, true", "m[ia]#n, mian, true", "m[ia]#n, mxn, false",
            "Lo+p, Lp, false", "Lo+p, Loop, true", "m[ia]+n, mn, false", "m[ia]+n, maan, true",
            "a?+b, ab, false", "a?+b, axyb, true", "a*b, ab, true",
            "nt!*CreateProcess*, nt!PspCreateProcess, true", "NT!psp*, nt!PspInsertThread, true",
            "nt!Psp?nsertThread, nt!PspInsertThread, true", "nt!Psp?nsertThread, nt!PspnsertThread, false",
            "'\\*a', '*a', true", "'\\*a', 'xa', false", "'a\\#', 'a#', true", "'a\\#', 'a', false",
            "'#a', '#a', true", "'[ab', '[ab', true", "'[ab', 'a', false", "'a]', 'a]', true",
            "*?*?#, a, true", "*?*?#, '', false", "*?*?, a, false", "?#, '', true"
    })
    void matchesLikeWinDbg(String pattern, String text, boolean expected) {
        assertThat(WildcardPattern.compile(pattern).matches(text)).isEqualTo(expected);
    }

    @Test
    void matchingIsCaseInsensitiveInsideBracketsToo() {
        assertThat(WildcardPattern.compile("nt![p]sp[A-C]llocateProcess").matches("NT!PSPALLOCATEPROCESS")).isTrue();
    }

    /**
     * Finding 1 of issue 14: this pattern took 71 s as a backtracking regular
     * expression (and treated '#' as a literal, so it matched nothing). The guard only stops
     * the old code from hanging the build; what it checks is the answer.
     */
    @Test
    void theBacktrackingAttackPatternAnswersEverySymbolLongEnough() {
        String command = "x nt!*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?#";
        Machine machine = Machine.boot(Profile.MODERN);

        CommandResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> machine.execute(command));

        // sixteen ?s must each take a character; the last ?# takes any run
        List<String> expected = Symbols.all(Profile.MODERN).keySet().stream()
                .filter(symbol -> symbol.startsWith("nt!") && symbol.length() >= "nt!".length() + 16).toList();
        assertThat(result.accepted()).isTrue();
        assertThat(expected).isNotEmpty();
        assertThat(result.output().split("\n")).hasSize(expected.size());
        assertThat(Symbols.match("nt!*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?#", Profile.MODERN)).containsExactlyElementsOf(expected);
    }

    @Test
    void aLongPatternOfAlternatingLoopsFailsQuickly() {
        String pattern = "nt!" + "a#b#".repeat(900) + "c";
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Symbols.match(pattern, Profile.MODERN))).isEmpty();
    }
}
