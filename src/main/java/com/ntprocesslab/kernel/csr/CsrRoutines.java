package com.ntprocesslab.kernel.csr;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.RoutinePublisher;
import java.util.List;

/** csrss's server routines: its start and request thread, and the registration of a new process (numbered per profile). */
public final class CsrRoutines implements RoutinePublisher {
    @Override
    public List<Routine> shared() {
        return List.of(CsrSrv.CsrServerInitialization, CsrApiRequests.CsrDestroyThread, CsrApiRequests.CsrDestroyProcess,
                CsrApiRequests.CsrApiHandleConnectionRequest, CsrApiRequests.CsrClientConnectToServer, CsrApiRequests.CsrpConnectToServer,
                CsrApiRequests.CsrCallServerFromServer, CsrServerThreads.CsrssMain);
    }

    @Override
    public List<Routine> only(Profile profile) {
        return profile == Profile.MODERN
                ? List.of(CsrSrv.CsrCreateProcess, CsrApiRequests.BaseSrvCreateProcessModern, CsrApiRequests.CsrApiRequestThread,
                        CsrApiRequests.NtAlpcSendWaitReceivePortStub, CsrApiRequests.NtAlpcConnectPortStub, CsrApiRequests.NtAlpcAcceptConnectPortStub,
                        CsrServerThreads.CsrApiPortInitializeModern, CsrServerThreads.RtlCreateUserThreadModern)
                : List.of(CsrSrv.CsrCreateProcessClassic, CsrApiRequests.BaseSrvCreateProcessClassic, CsrApiRequests.BaseSrvExitProcess, CsrApiRequests.CsrApiRequestThread,
                        CsrApiRequests.BaseSrvCreateThread, CsrApiRequests.CsrCreateThread,
                        CsrApiRequests.NtRequestWaitReplyPortStub, CsrApiRequests.NtReplyWaitReceivePortStub,
                        CsrApiRequests.NtSecureConnectPortStub, CsrApiRequests.NtAcceptConnectPortStub, CsrApiRequests.NtCompleteConnectPortStub,
                        CsrServerThreads.CsrApiPortInitializeClassic, CsrServerThreads.RtlCreateUserThreadClassic);
    }
}
