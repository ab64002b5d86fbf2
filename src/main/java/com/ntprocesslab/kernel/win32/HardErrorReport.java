package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.HardErrors;

/**
 * A hard error a call raised, as the call's result shows it: on Windows it is a message box
 * csrss puts up while the call waits; this machine has no desktop and no hard-error port, so the
 * student reads the status, its file parameter and the response NtRaiseHardError gave back.
 */
public record HardErrorReport(long errorStatus, String parameter, long status, long response) {

    String describe() {
        String answer = response == HardErrors.RESPONSE_RETURN_TO_CALLER
                ? "ResponseReturnToCaller (no hard-error port: nobody was asked)" : "response " + response;
        return "NtRaiseHardError: " + NtStatus.name(errorStatus) + " (0x" + Long.toHexString(errorStatus) + ") '" + parameter
                + "', OptionOk -> " + (NtStatus.success(status) ? answer : NtStatus.name(status));
    }
}
