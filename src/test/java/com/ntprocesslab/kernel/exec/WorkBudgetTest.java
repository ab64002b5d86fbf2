package com.ntprocesslab.kernel.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;

/** The engine charges every step to the caller's budget; the kernel asks the caller about time, it reads no clock. */
class WorkBudgetTest {

    private static final String CREATE = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";

    @Test
    void everyStepOfACommandIsCounted() {
        Machine machine = Machine.boot(Profile.MODERN);
        long before = machine.position();

        WorkBudget.Spent<?> spent = WorkBudget.run(Long.MAX_VALUE, WorkBudget.Deadline.NONE, () -> machine.execute(CREATE));

        assertThat(spent.steps()).isEqualTo(machine.position() - before).isPositive();
    }

    @Test
    void passingTheStepLimitStopsTheWork() {
        Machine machine = Machine.boot(Profile.MODERN);

        assertThatThrownBy(() -> WorkBudget.run(10, WorkBudget.Deadline.NONE, () -> machine.execute(CREATE)))
                .isInstanceOfSatisfying(WorkBudgetExhaustedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(WorkBudgetExhaustedException.Kind.STEPS);
                    assertThat(e.steps()).isEqualTo(10);
                });
    }

    @Test
    void aPassedDeadlineStopsTheWorkAtTheNextCheck() {
        Machine machine = Machine.boot(Profile.MODERN);
        machine.execute(CREATE);
        machine.execute(CREATE);

        assertThatThrownBy(() -> WorkBudget.run(Long.MAX_VALUE, () -> true, () -> {
            for (int i = 0; i < 100; i++) {
                machine.execute(CREATE);
            }
            return null;
        })).isInstanceOfSatisfying(WorkBudgetExhaustedException.class,
                e -> assertThat(e.kind()).isEqualTo(WorkBudgetExhaustedException.Kind.TIME));
    }

    @Test
    void innerWorkCountsAgainstTheOuterBudget() {
        Machine machine = Machine.boot(Profile.MODERN);

        WorkBudget.Spent<Long> outer = WorkBudget.run(Long.MAX_VALUE, WorkBudget.Deadline.NONE,
                () -> WorkBudget.run(Long.MAX_VALUE, WorkBudget.Deadline.NONE, () -> machine.execute(CREATE)).steps());

        assertThat(outer.steps()).isEqualTo(outer.result()).isPositive();
    }

    @Test
    void anOuterDeadlineStopsInnerWork() {
        Machine machine = Machine.boot(Profile.MODERN);

        assertThatThrownBy(() -> WorkBudget.run(Long.MAX_VALUE, () -> true,
                () -> WorkBudget.run(Long.MAX_VALUE, WorkBudget.Deadline.NONE, () -> {
                    for (int i = 0; i < 100; i++) {
                        machine.execute(CREATE);
                    }
                    return null;
                }))).isInstanceOfSatisfying(WorkBudgetExhaustedException.class,
                e -> assertThat(e.kind()).isEqualTo(WorkBudgetExhaustedException.Kind.TIME));
    }
}
