package com.ntprocesslab.kernel;

/** Which creation pipeline a machine runs: Windows 10 (modern) or Windows XP / WRK (classic). */
public enum Profile {
    MODERN, CLASSIC
}
