package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.se.AccessCheck;
import com.ntprocesslab.kernel.se.Token;

/**
 * The access check XP's PspCreateProcess and PspCreateThread make for the new object's access
 * to itself (EPROCESS/ETHREAD.GrantedAccess, WRK ps/create.c): the object's security names the
 * process token's user as owner (ObGetObjectSecurity), the subject is the new process's own
 * primary token, referenced while SeAccessCheck asks for MAXIMUM_ALLOWED. Each method is the
 * body of the step of that name.
 */
final class SelfAccessCheck {
    private SelfAccessCheck() {
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
