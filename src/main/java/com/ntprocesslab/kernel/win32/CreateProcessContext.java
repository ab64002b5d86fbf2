package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.ob.HoldsReferences;
import com.ntprocesslab.kernel.io.FileObject;
import com.ntprocesslab.kernel.ke.PriorityClass;
import com.ntprocesslab.kernel.mm.SectionObject;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.se.Token;
import java.util.function.Consumer;

/**
 * Everything one process creation carries from stage 1 to stage 6: the caller's request,
 * what was resolved, and the objects built so far (each holding its creator's reference
 * until NtCreateUserProcess hands it to a handle or drops it on the cleanup path).
 */
public final class CreateProcessContext implements HoldsReferences {
    /** The ApiCall this creation answers (results are written back there). */
    public final ApiCall call;
    public String commandLine;
    public long flags;
    /** Native creation (RtlCreateUserProcess): no Win32 checks and no CSR registration. */
    public boolean nativeCreation;
    public Integer sessionOverride;
    /** CreateProcessAsUserW: the token handle in the caller's table. */
    public long tokenHandle;
    public int restarts;
    public boolean skipImageFileExecutionOptions;

    public String dosPath;
    public String ntPath;
    public PriorityClass priorityClass = PriorityClass.NORMAL;
    /** PS_CREATE_STATE reported back to user mode. */
    public String createState = "PsCreateInitialState";
    public String ifeoDebugger;
    public long status;

    public FileObject file;
    public SectionObject section;
    public EProcess process;
    public EThread thread;
    public Token explicitToken;
    public long processHandle;
    public long threadHandle;
    /** Stage 5: csrss's duplicated handles and its records, until inserted. */
    public long csrProcessHandle;
    public long csrThreadHandle;
    public com.ntprocesslab.kernel.csr.CsrProcess csrProcess;

    /*
     * The classic pipeline works through handles in the caller's table, as XP's kernel32 does:
     * the image file and section are opened by NtOpenFile and NtCreateSection, the process and
     * thread are created by two system calls. The kernel side holds a reference only while a
     * service runs (parent, process, thread above).
     */
    public long fileHandle;
    public long sectionHandle;
    /** NtCreateProcessEx's ParentProcess: NtCurrentProcess (-1) from kernel32 and ntdll. */
    public long parentHandle;
    /** PROCESS_CREATE_FLAGS_* passed to NtCreateProcessEx. */
    public long createFlags;
    public EProcess parent;
    /** NtQuerySection's SECTION_IMAGE_INFORMATION. */
    public com.ntprocesslab.kernel.io.ImageDescriptor imageInformation;
    /** IFEO: whether Image File Execution Options has a key for the image (BasepIsProcessAllowed). */
    public boolean ifeoKeyPresent;
    /** INITIAL_TEB from BaseCreateStack, and the CONTEXT from BaseInitializeContext. */
    public long stackBase;
    public long stackLimit;
    public long contextStartAddress;
    public long contextEntryPoint;
    public boolean createSuspended;
    /** DesiredAccess of NtCreateProcessEx / NtCreateThread, and what SeCreateAccessStateEx grants of it. */
    public long desiredAccess;
    public long grantedAccess;

    public CreateProcessContext(ApiCall call) {
        this.call = call;
    }

    @Override
    public void forEachReference(Consumer<KernelObject> sink) {
        if (file != null) {
            sink.accept(file);
        }
        if (section != null) {
            sink.accept(section);
        }
        if (process != null) {
            sink.accept(process);
        }
        if (thread != null) {
            sink.accept(thread);
        }
        if (parent != null) {
            sink.accept(parent);
        }
        if (explicitToken != null) {
            sink.accept(explicitToken);
        }
    }

    public String imageName() {
        String path = dosPath != null ? dosPath : commandLine;
        return path.substring(path.lastIndexOf('\\') + 1);
    }
}
