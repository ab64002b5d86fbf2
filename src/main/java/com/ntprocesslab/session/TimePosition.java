package com.ntprocesslab.session;

/** Where a machine stands on its time line and where its recorded history ends (the present). */
public record TimePosition(long position, long present) {
    public boolean inThePast() {
        return position < present;
    }
}
