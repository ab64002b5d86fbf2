package com.ntprocesslab.kernel.ke;

import com.ntprocesslab.kernel.ps.Executive;

/** KWAIT_REASON values the machine uses. */
public enum KWaitReason {
    Executive, Suspended, UserRequest, WrUserRequest
}
