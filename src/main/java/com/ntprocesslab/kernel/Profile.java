package com.ntprocesslab.kernel;

/** Which process-creation pipeline a machine runs. */
public enum Profile {
    /** Windows 10: NtCreateUserProcess in seven stages. */
    MODERN,
    /** Windows XP / WRK: NtCreateProcessEx then NtCreateThread in six phases. */
    CLASSIC
}
