package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seed 001, stage 1 item 6: the image path ends up on its device, c:\temp\a.exe as
 * \Device\HarddiskVolume1\temp\a.exe. CreateProcess hands the kernel \??\C:\...; the \??\C: link
 * leads to the volume's device, and SeInitializeProcessAuditName (MmInitializeProcessAddressSpace's
 * AuditName) records that form in EPROCESS.SeAuditProcessCreationInfo (19045 +0x5c0, XP SP3 +0x1f4).
 */
class AuditImageFileNameTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theNewProcessRecordsItsImageOnTheVolumeDevice(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, "bp nt!MmInitializeProcessAddressSpace");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        EProcess creating = machine.kernel().objects.values().stream().filter(o -> o instanceof EProcess p && p.seAuditImageFileName == null
                && p.sectionObject != null).map(o -> (EProcess) o).findFirst().orElseThrow();
        assertThat(creating.seAuditImageFileName).as("not yet mapped").isNull();

        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "g");

        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.seAuditImageFileName).isEqualToIgnoringCase("\\Device\\HarddiskVolume1\\Windows\\System32\\notepad.exe");
        assertThat(LabMachine.ok(machine, "dt nt!_EPROCESS " + Long.toHexString(notepad.address)).output())
                .containsIgnoringCase((profile == Profile.CLASSIC ? "+0x1f4" : "+0x5c0")
                        + " SeAuditProcessCreationInfo.ImageFileName : _OBJECT_NAME_INFORMATION \"\\Device\\HarddiskVolume1\\Windows\\System32\\notepad.exe\"");
    }
}
