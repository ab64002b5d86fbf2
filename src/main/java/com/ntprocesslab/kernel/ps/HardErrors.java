package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.nt.NtStatus;

/**
 * NtRaiseHardError (WRK ex/harderr.c; ReactOS ntoskrnl/ex/harderr.c): a hard error goes to the
 * raising process's exception port, or else to the default hard-error port csrss registers with
 * NtSetDefaultHardErrorPort, where csrss shows it as a message box and replies with the button
 * pressed. With its DefaultHardErrorProcessing bit 0 clear (SEM_FAILCRITICALERRORS) the process
 * gets no port, unless the status carries HARDERROR_OVERRIDE_ERRORMODE. This machine sets no
 * process exception port and csrss registers no default port, so every hard error takes
 * ExpRaiseHardError's no-port path: ResponseReturnToCaller, STATUS_SUCCESS.
 */
public final class HardErrors {
    /** HARDERROR_RESPONSE ResponseReturnToCaller: nobody was asked. */
    public static final long RESPONSE_RETURN_TO_CALLER = 0;
    /** HARDERROR_RESPONSE_OPTION OptionOk: the one response an OK box offers. */
    public static final long OPTION_OK = 0;
    /** MAXIMUM_HARDERROR_PARAMETERS. */
    static final long MAXIMUM_PARAMETERS = 5;

    private HardErrors() {
    }

    /**
     * NtRaiseHardError(ErrorStatus, NumberOfParameters, UnicodeStringParameterMask, Parameters,
     * ValidResponseOptions, Response): {@code a.value} is ErrorStatus, {@code a.name} the one
     * UNICODE_STRING parameter (mask 1), {@code a.information} ValidResponseOptions; the
     * response comes back in {@code a.out}.
     */
    public static final Routine NtRaiseHardError = Executive.routine("nt!NtRaiseHardError")
            // a user-mode caller's parameters are probed and captured (a string parameter becomes a kernel copy)
            .inline((k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                return (a.name == null ? 0 : 1) > MAXIMUM_PARAMETERS ? ret(NtStatus.STATUS_INVALID_PARAMETER) : next();
            })
            // the process's exception port, else the default one, for a process with DefaultHardErrorProcessing bit 0
            // set or a status with HARDERROR_OVERRIDE_ERRORMODE; neither port exists here, so nobody is asked
            .step("nt!ExpRaiseHardError", (k, t, f) -> {
                f.args(NtArgs.class).out = RESPONSE_RETURN_TO_CALLER;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();
}
