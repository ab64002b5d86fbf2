package com.ntprocesslab.kernel.se;

/**
 * The simplified SeAccessCheck the machine applies to process objects:
 * SeDebugPrivilege opens anything; otherwise the caller must be the same user at an equal
 * or higher integrity level (the default DACL of a process grants its owner full access).
 */
public final class AccessCheck {
    private AccessCheck() {
    }

    public static boolean SeAccessCheck(Token caller, Token target, long desiredAccess) {
        if (caller.has(Privilege.SeDebugPrivilege)) {
            return true;
        }
        if (target == null) {
            return false;
        }
        boolean sameUser = caller.user.equals(target.user);
        return sameUser && rank(caller.integrityLevel) >= rank(target.integrityLevel);
    }

    private static int rank(String integrity) {
        return switch (integrity) {
            case "System" -> 4;
            case "High" -> 3;
            case "Medium" -> 2;
            default -> 1;
        };
    }
}
