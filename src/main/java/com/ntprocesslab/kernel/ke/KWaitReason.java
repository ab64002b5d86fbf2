package com.ntprocesslab.kernel.ke;

/** KWAIT_REASON values the machine uses. */
public enum KWaitReason {
    Executive, Suspended, UserRequest, WrUserRequest, WrLpcReceive, WrLpcReply, WrQueue, WrFreePage, DelayExecution
}
