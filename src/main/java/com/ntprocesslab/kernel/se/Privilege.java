package com.ntprocesslab.kernel.se;

/** Privileges the machine checks. */
public enum Privilege {
    SeAssignPrimaryTokenPrivilege, SeChangeNotifyPrivilege, SeDebugPrivilege, SeIncreaseBasePriorityPrivilege,
    SeLoadDriverPrivilege, SeShutdownPrivilege, SeTcbPrivilege, SeUndockPrivilege
}
