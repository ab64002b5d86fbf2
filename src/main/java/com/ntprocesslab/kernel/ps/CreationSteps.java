package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;

/**
 * How a creation step reads its parameters and fails, once for every creation routine. The
 * two pipelines fail differently, and the names say which: a modern service returns its
 * failure to NtCreateUserProcess, whose cleanup label undoes what was built; a classic
 * service continues at its own {@code exit} label, which does the undoing itself.
 */
final class CreationSteps {
    private CreationSteps() {
    }

    /** The creation parameters this routine was called with. */
    static PspCreateParameters creation(Frame f) {
        return f.args(PspCreateParameters.class);
    }

    /** Records the failure and returns it to the caller, which cleans up. */
    static StepResult returnFailure(PspCreateParameters c, long status) {
        c.status = status;
        return ret(status);
    }

    /** Goes on when the executive call succeeded, else returns its failure. */
    static StepResult nextOrReturn(PspCreateParameters c, long status) {
        return NtStatus.success(status) ? next() : returnFailure(c, status);
    }

    /** Records the failure and continues at this routine's {@code exit} label, which undoes what was built. */
    static StepResult exitFailure(PspCreateParameters c, long status) {
        c.status = status;
        return jump("exit");
    }

    /** Goes on when the executive call succeeded, else takes the {@code exit} path. */
    static StepResult nextOrExit(PspCreateParameters c, long status) {
        return NtStatus.success(status) ? next() : exitFailure(c, status);
    }
}
