package com.ntprocesslab.session;

/** Machine work that would take more than its budget allows was refused; nothing was lost. */
public class MachineWorkRefusedException extends RuntimeException {

    public MachineWorkRefusedException(String message) {
        super(message);
    }
}
