package com.ntprocesslab.store.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a refusal repeats of the user's input: nothing invisible or reversing, and never more than a few dozen characters. */
class EchoedInputTest {

    @Test
    void controlAndFormattingCharactersAreDropped() {
        assertThat(EchoedInput.of("\u202Eab\u200Bc\u0000d\u202C")).isEqualTo("abcd");
    }

    @Test
    void aLongInputIsCutWithAnEllipsis() {
        assertThat(EchoedInput.of("x".repeat(10_000))).isEqualTo("x".repeat(EchoedInput.MAX_SHOWN) + "…");
    }

    @Test
    void lettersOfAnyLanguageAndEmojiStay() {
        assertThat(EchoedInput.of(" 班级👩‍💻مستخدم ")).isEqualTo("班级👩💻مستخدم");
    }
}
