package com.ntprocesslab.kernel.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The PFN database hands out the lowest free frame, so freeing restores it exactly. */
class PfnDatabaseTest {
    private final PfnDatabase pfn = new PfnDatabase();

    @Test
    void framesComeLowestFirstAndAFreedFrameIsTheNextOneGiven() {
        long first = pfn.allocate("a PageDirectory");
        long second = pfn.allocate("a Peb");
        long third = pfn.allocate("b PageDirectory");

        assertThat(first).isEqualTo(PfnDatabase.FIRST_FREE);
        assertThat(second).isEqualTo(first + 1);
        assertThat(third).isEqualTo(first + 2);
        assertThat(pfn.freeFrames()).isEqualTo(PfnDatabase.TOTAL_FRAMES - PfnDatabase.FIRST_FREE - 3);

        pfn.free(second);

        assertThat(pfn.used()).containsOnlyKeys(first, third);
        assertThat(pfn.allocate("c Teb")).isEqualTo(second);
        assertThat(pfn.used()).containsEntry(second, "c Teb");
    }

    @Test
    void aFrameFreedTwiceIsABugNotAFreeFrame() {
        long frame = pfn.allocate("a Peb");
        pfn.free(frame);

        assertThatThrownBy(() -> pfn.free(frame)).isInstanceOf(IllegalStateException.class).hasMessageContaining("freed twice");
        assertThat(pfn.freeFrames()).isEqualTo(PfnDatabase.TOTAL_FRAMES - PfnDatabase.FIRST_FREE);
    }

    @Test
    void whenEveryFrameIsUsedThereIsNone() {
        for (long i = PfnDatabase.FIRST_FREE; i < PfnDatabase.TOTAL_FRAMES; i++) {
            assertThat(pfn.allocate("x")).isEqualTo(i);
        }

        assertThat(pfn.freeFrames()).isZero();
        assertThat(pfn.allocate("one too many")).isEqualTo(-1);
    }
}
