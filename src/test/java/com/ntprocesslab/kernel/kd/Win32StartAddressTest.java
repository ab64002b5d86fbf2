package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import org.junit.jupiter.api.Test;

/** !thread names the Win32 start address by symbol, as WinDbg does, and prints the bare address only when none covers it. */
class Win32StartAddressTest {

    private static String firstThread(Machine m, String image) {
        EProcess p = LabMachine.process(m, image);
        EThread first = p.threadListHead.owners().getFirst();
        return LabMachine.ok(m, "!thread " + Long.toHexString(first.address)).output();
    }

    @Test
    void theFirstThreadOfAGuiImageStartsAtItsCrtEntry() {
        Machine m = LabMachine.boot();
        LabMachine.ok(m, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(m, "g");
        EThread first = LabMachine.process(m, "notepad.exe").threadListHead.owners().getFirst();
        assertThat(firstThread(m, "notepad.exe")).contains("Win32 Start Address notepad!wWinMainCRTStartup (0x"
                + String.format("%016x", first.win32StartAddress) + ")");
    }

    @Test
    void aWorkerThreadIsNamedByItsStartRoutine() {
        Machine m = LabMachine.boot();
        LabMachine.ok(m, ".call explorer.exe CreateProcessW C:\\Tools\\threads.exe");
        LabMachine.ok(m, "g");
        String all = LabMachine.ok(m, "!process 0 2 threads.exe").output();
        assertThat(all).contains("Win32 Start Address threads!wmainCRTStartup (0x", "Win32 Start Address threads!Worker (0x");
    }

    @Test
    void theClassicFirstThreadShowsTheSameFormInThirtyTwoBits() {
        Machine m = LabMachine.boot(Profile.CLASSIC);
        LabMachine.ok(m, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(m, "g");
        EThread first = LabMachine.process(m, "notepad.exe").threadListHead.owners().getFirst();
        assertThat(firstThread(m, "notepad.exe")).contains("Win32 Start Address notepad!wWinMainCRTStartup (0x"
                + String.format("%08x", first.win32StartAddress) + ")");
    }

    @Test
    void onXpEveryExeSharesTheBaseSoOnlyTheThreadsOwnImageNamesIt() {
        Machine m = LabMachine.boot(Profile.CLASSIC);
        LabMachine.ok(m, ".call explorer.exe CreateProcessW C:\\Tools\\threads.exe");
        LabMachine.ok(m, "g");
        String all = LabMachine.ok(m, "!process 0 2 threads.exe").output();
        assertThat(all).contains("Win32 Start Address threads!wmainCRTStartup (0x", "Win32 Start Address threads!Worker (0x00401000)")
                .doesNotContain("crasher!");
    }

    /** XP's RtlCreateUserThread leaves Eax 0 (rtl/i386/context.c), so its threads' Win32StartAddress is 0, the first thread of smss and csrss alike. */
    @Test
    void onXpARtlCreateUserThreadFirstThreadHasNoWin32StartAddress() {
        Machine m = LabMachine.boot(Profile.CLASSIC);
        for (String image : new String[] {"smss.exe", "csrss.exe", "winlogon.exe"}) {
            EThread first = LabMachine.process(m, image).threadListHead.owners().getFirst();
            assertThat(first.win32StartAddress).as(image).isZero();
            assertThat(first.startAddress).as(image).isNotZero();
            assertThat(firstThread(m, image)).as(image).contains("Win32 Start Address 0x00000000\n");
        }
        // a CreateProcessW child's first thread still carries the image entry (kernel32's BaseInitializeContext)
        EProcess explorer = LabMachine.process(m, "explorer.exe");
        assertThat(explorer.threadListHead.owners().getFirst().win32StartAddress).isNotZero();
    }
}
