package com.ntprocesslab.kernel.se;

/** Privileges the machine checks. */
public enum Privilege {
    SeAssignPrimaryTokenPrivilege, SeChangeNotifyPrivilege, SeDebugPrivilege, SeIncreaseBasePriorityPrivilege,
    SeLoadDriverPrivilege, SeShutdownPrivilege, SeTcbPrivilege, SeUndockPrivilege,
    /** SE_LOCK_MEMORY_NAME: large pages need it (Microsoft Learn, Large-Page Support); LocalSystem holds it. */
    SeLockMemoryPrivilege,
    /** SE_IMPERSONATE_NAME: what CreateProcessWithTokenW asks of its caller (Microsoft Learn, CreateProcessWithTokenW). */
    SeImpersonatePrivilege,
    /** SE_SECURITY_NAME: SeAccessCheck grants ACCESS_SYSTEM_SECURITY only with it (ReactOS ntoskrnl/se/accesschk.c). */
    SeSecurityPrivilege
}
