package com.ntprocesslab.kernel.ke;

/** KTHREAD_STATE values, in the order the kernel numbers them. */
public enum KThreadState {
    Initialized, Ready, Running, Standby, Terminated, Waiting
}
