package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.win32.ApiCall;
import com.ntprocesslab.kernel.win32.Apis;
import com.ntprocesslab.kernel.win32.ClassicNtdll;
import com.ntprocesslab.kernel.win32.CreateProcessContext;
import com.ntprocesslab.kernel.win32.KernelBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Failures only the classic pipeline has, as the XP code has them: kernel32's image checks and
 * NtCreateProcessEx's own parameter checks. The failures both kernels share, with each
 * profile's stages, are in win32.CreateProcessFailureTest.
 */
class ClassicFailureTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    @Test
    void aTextFileADllAndANativeImageAreRefusedByKernel32sImageChecks() {
        LabMachine.ok(machine, ".file add C:\\Temp\\fake.exe \"just text\"");
        Object before = LabMachine.timeless(machine);

        String text = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Temp\\fake.exe").output();
        String dll = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\user32.dll").output();
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        String nativeImage = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\smss.exe").output();

        assertThat(text).contains("LastError: 0xc1 (ERROR_BAD_EXE_FORMAT)");
        assertThat(dll).contains("LastError: 0xc1 (ERROR_BAD_EXE_FORMAT)");
        // a native image is neither GUI nor console: refused before BasepIsImageVersionOk with
        // ERROR_CHILD_NOT_COMPLETE (NT base/client/process.c, ReactOS kernel32 client/proc.c)
        assertThat(nativeImage).contains("LastError: 0x81 (ERROR_CHILD_NOT_COMPLETE)");
        assertThat(symbols).contains("ntdll!NtQuerySection").doesNotContain("kernel32!BasepIsImageVersionOk", "ntdll!NtCreateProcessEx");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
    }

    @Test
    void pspCreateProcessRejectsCreateFlagsOutsideTheLegalMask() {
        CreateProcessContext c = sectionReady();
        c.createFlags = 0x100;

        long status = runCreateProcessEx(c);

        assertThat(status).isEqualTo(NtStatus.STATUS_INVALID_PARAMETER);
        assertThat(c.processHandle).isZero();
    }

    @Test
    void ntCreateProcessExWithoutAParentIsAnInvalidParameter() {
        CreateProcessContext c = sectionReady();
        c.parentHandle = 0;

        long status = runCreateProcessEx(c);

        assertThat(status).isEqualTo(NtStatus.STATUS_INVALID_PARAMETER);
        assertThat(c.processHandle).isZero();
    }

    @Test
    void theSameSectionHandleWithTheCurrentProcessAsParentCreatesTheProcess() {
        CreateProcessContext c = sectionReady();

        long status = runCreateProcessEx(c);

        assertThat(status).isEqualTo(NtStatus.STATUS_SUCCESS);
        assertThat(LabMachine.process(machine, "notepad.exe").threadListHead.isEmpty()).isTrue();
    }

    /** A test caller: runs a native service from explorer's thread and keeps the status it returns. */
    private static final Routine PROBE = Routine.named("test!CallNtCreateProcessEx")
            .call(ClassicNtdll.NtCreateProcessExStub, (k, t, f) -> StepResult.call(ClassicNtdll.NtCreateProcessExStub, f.args))
            .inline((k, t, f) -> {
                f.args(CreateProcessContext.class).status = f.calleeStatus;
                return StepResult.ret(f.calleeStatus);
            })
            .build();

    private PendingCall pending;

    /** Explorer with notepad's image opened as a section, as phase 1 leaves it; nothing else changed. */
    private CreateProcessContext sectionReady() {
        pending = LabMachine.begin(machine, ".call explorer.exe GetLastError");
        // the user APC takes the thread out of its wait into user mode: the probes run from the API's entry
        machine.engine().runThread(pending.thread(), pending::finished, 100, at -> "kernel32!GetLastError".equals(at.symbol()));
        ApiCall call = new ApiCall(Apis.find("CreateProcessW"), "notepad.exe");
        call.path = "C:\\Windows\\System32\\notepad.exe";
        CreateProcessContext c = KernelBase.creation(call);
        c.dosPath = call.path;
        c.ntPath = "\\??\\" + call.path;
        run(Routine.named("test!OpenImage")
                .call(ClassicNtdll.NtOpenFileStub, (k, t, f) -> StepResult.call(ClassicNtdll.NtOpenFileStub, f.args))
                .call(ClassicNtdll.NtCreateSectionStub, (k, t, f) -> StepResult.call(ClassicNtdll.NtCreateSectionStub, f.args))
                .inline((k, t, f) -> StepResult.ret(f.calleeStatus))
                .build(), c);
        assertThat(c.sectionHandle).isNotZero();
        c.parentHandle = -1;
        c.desiredAccess = 0x1F0FFF;
        return c;
    }

    private long runCreateProcessEx(CreateProcessContext c) {
        int objects = machine.kernel().objects.size();
        run(PROBE, c);
        if (!NtStatus.success(c.status)) {
            assertThat(machine.kernel().objects).hasSize(objects);
            assertThat(machine.checkInvariants()).isEmpty();
        }
        return c.status;
    }

    private void run(Routine routine, CreateProcessContext c) {
        Frame frame = new Frame(routine, c);
        frame.injected = true;
        int depth = pending.thread().frames.size();
        pending.thread().frames.add(frame);
        machine.engine().runThread(pending.thread(), depth, 10_000, null);
    }
}
