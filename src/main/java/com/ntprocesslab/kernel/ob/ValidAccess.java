package com.ntprocesslab.kernel.ob;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.nt.AccessMask;

/**
 * OBJECT_TYPE_INITIALIZER.ValidAccessMask of each type: the rights a handle to such an object
 * can hold. Each type's creator sets it to the type's *_ALL_ACCESS (WRK ps/psinit.c
 * PROCESS_ALL_ACCESS and THREAD_ALL_ACCESS, ex/event.c EVENT_ALL_ACCESS, se/seinit.c
 * TOKEN_ALL_ACCESS, mm SECTION_ALL_ACCESS, io FILE_ALL_ACCESS, cm KEY_ALL_ACCESS, ps/psjob.c
 * JOB_OBJECT_ALL_ACCESS, dbgk DEBUG_ALL_ACCESS, lpc PORT_ALL_ACCESS; values from winnt.h and
 * the DDK), and ObDuplicateObject keeps only those bits and ACCESS_SYSTEM_SECURITY of what the
 * caller asks: {@code TargetAccess = DesiredAccess & (ValidAccessMask | ACCESS_SYSTEM_SECURITY)}
 * (WRK ob/obhandle.c).
 */
final class ValidAccess {
    private ValidAccess() {
    }

    static long mask(ObjectType type, Profile profile) {
        boolean xp = profile == Profile.CLASSIC;
        return switch (type) {
            case Process -> xp ? AccessMask.PROCESS_ALL_ACCESS_XP : AccessMask.PROCESS_ALL_ACCESS;
            case Thread -> xp ? AccessMask.THREAD_ALL_ACCESS_XP : AccessMask.THREAD_ALL_ACCESS;
            case Event -> AccessMask.EVENT_ALL_ACCESS;
            case Token -> AccessMask.TOKEN_ALL_ACCESS;
            // SECTION_ALL_ACCESS, FILE_ALL_ACCESS, KEY_ALL_ACCESS
            case Section -> 0x000F001FL;
            case File -> 0x001F01FFL;
            case Key -> 0x000F003FL;
            // JOB_OBJECT_ALL_ACCESS: 0x1F001F until Vista added JOB_OBJECT_IMPERSONATE (0x20)
            case Job -> xp ? 0x001F001FL : 0x001F003FL;
            // DEBUG_ALL_ACCESS; PORT_ALL_ACCESS for both LPC and ALPC ports
            case DebugObject -> 0x001F000FL;
            case AlpcPort, Port -> 0x001F0001L;
        };
    }

    /** ObDuplicateObject's TargetAccess. */
    static long target(ObjectType type, Profile profile, long desiredAccess) {
        return desiredAccess & (mask(type, profile) | AccessMask.ACCESS_SYSTEM_SECURITY);
    }
}
