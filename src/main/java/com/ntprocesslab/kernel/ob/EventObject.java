package com.ntprocesslab.kernel.ob;

/** KEVENT: a waitable object that programs signal (or, here, mostly wait on forever). */
public final class EventObject extends KernelObject {
    public EventObject() {
        super(ObjectType.Event);
    }
}
