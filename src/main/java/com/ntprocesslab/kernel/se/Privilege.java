package com.ntprocesslab.kernel.se;

/** Privileges the machine checks. */
public enum Privilege {
    SeAssignPrimaryTokenPrivilege, SeChangeNotifyPrivilege, SeDebugPrivilege, SeIncreaseBasePriorityPrivilege,
    SeLoadDriverPrivilege, SeShutdownPrivilege, SeTcbPrivilege, SeUndockPrivilege,
    /** SE_IMPERSONATE_NAME: what CreateProcessWithTokenW asks of its caller (Microsoft Learn, CreateProcessWithTokenW). */
    SeImpersonatePrivilege
}
