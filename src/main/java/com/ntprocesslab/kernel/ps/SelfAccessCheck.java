package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.se.AccessCheck;
import com.ntprocesslab.kernel.se.Token;
import java.util.function.ObjLongConsumer;
import java.util.function.UnaryOperator;

/**
 * The access check XP's PspCreateProcess and PspCreateThread make for the new object's access
 * to itself (EPROCESS/ETHREAD.GrantedAccess, WRK ps/create.c): the object's security names the
 * process token's user as owner (ObGetObjectSecurity), the subject is the new process's own
 * primary token, referenced while SeAccessCheck asks for MAXIMUM_ALLOWED. Each method is the
 * body of the step of that name; {@link #steps} is the three steps as both routines write them.
 */
final class SelfAccessCheck {
    private SelfAccessCheck() {
    }

    /**
     * The three steps: the object's security descriptor (its owner is the user of the process's
     * token), the subject context (the new process's own primary token, referenced while the
     * check runs), and SeAccessCheck, whose answer ({@code all} when it passes, always with
     * {@code self}) {@code grant} stores in the new object.
     */
    static UnaryOperator<Routine.Builder<Executive, EThread>> steps(long all, long self, ObjLongConsumer<PspCreateParameters> grant) {
        return b -> b
                .step("nt!ObGetObjectSecurity", (k, t, f) -> {
                    ObGetObjectSecurity(CreationSteps.creation(f));
                    return StepResult.next();
                })
                .step("nt!PsReferencePrimaryToken", (k, t, f) -> {
                    PsReferencePrimaryToken(CreationSteps.creation(f));
                    return StepResult.next();
                })
                .step("nt!SeAccessCheck", (k, t, f) -> {
                    PspCreateParameters c = CreationSteps.creation(f);
                    grant.accept(c, SeAccessCheck(k, c, all, self));
                    return StepResult.next();
                });
    }

    static void ObGetObjectSecurity(PspCreateParameters c) {
        c.securityOwner = c.process.token;
    }

    static void PsReferencePrimaryToken(PspCreateParameters c) {
        c.subjectToken = c.process.token;
        ObjectManager.ObReferenceObject(c.subjectToken);
    }

    /** {@code all} when the check passes, always with what an object may do to itself; the subject is released (PsDereferencePrimaryTokenEx). */
    static long SeAccessCheck(Executive k, PspCreateParameters c, long all, long self) {
        boolean granted = AccessCheck.SeAccessCheck(c.subjectToken, c.securityOwner, all);
        Token subject = c.subjectToken;
        c.subjectToken = null;
        c.securityOwner = null;
        ObjectManager.ObDereferenceObject(k, subject);
        return (granted ? all : 0) | self;
    }
}
