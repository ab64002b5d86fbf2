package com.ntprocesslab.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;

/** Completion offers only words the machine understands. */
class CommandVocabularyTest {

    @Test
    void everyVerbOfferedIsOneTheMachineKnows() {
        Machine machine = Machine.boot(Profile.MODERN);
        for (String verb : CommandVocabulary.verbs()) {
            assertThat(machine.execute(verb).output()).as(verb).doesNotStartWith("Unknown command");
        }
        assertThat(machine.execute("frobnicate").output()).startsWith("Unknown command");
    }

    @Test
    void completionKnowsEveryVerbTheMachinesUnknownCommandAnswerLists() {
        String answer = Machine.boot(Profile.MODERN).execute("frobnicate").output();
        String listed = answer.substring(answer.indexOf("Debugger:") + "Debugger:".length()).replace("machine:", "");
        for (String word : listed.split("[\\s,;]+")) {
            String verb = word.replaceFirst("\\.$", "");
            if (!verb.isEmpty()) {
                assertThat(CommandVocabulary.verbs()).as("listed by the machine").contains(verb);
            }
        }
    }

    @Test
    void symbolsCompleteByPrefixIgnoringCase() {
        assertThat(CommandVocabulary.symbolsStartingWith("NT!pspallocate")).contains("nt!PspAllocateProcess", "nt!PspAllocateThread");
        assertThat(CommandVocabulary.verbsStartingWith("!p")).containsExactly("!process", "!peb");
    }
}
