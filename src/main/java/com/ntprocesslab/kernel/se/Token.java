package com.ntprocesslab.kernel.se;

import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObjectType;
import java.util.Set;
import java.util.TreeSet;

/** A primary or impersonation token: user, integrity level, privileges. */
public final class Token extends KernelObject {
    public String user;
    public String integrityLevel;
    public final TreeSet<Privilege> privileges = new TreeSet<>();
    public int sessionId;
    /** LUID of the token, unique per token object. */
    public long tokenId;

    public Token() {
        super(ObjectType.Token);
    }

    public boolean has(Privilege privilege) {
        return privileges.contains(privilege);
    }

    public void copyFrom(Token source) {
        user = source.user;
        integrityLevel = source.integrityLevel;
        privileges.clear();
        privileges.addAll(source.privileges);
        sessionId = source.sessionId;
    }

    public static Set<Privilege> systemPrivileges() {
        return new TreeSet<>(Set.of(Privilege.values()));
    }
}
