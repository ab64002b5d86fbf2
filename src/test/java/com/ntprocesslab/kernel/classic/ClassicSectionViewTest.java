package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.mm.Vad;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 row 3.44 (PspCreateProcess step 7, audit-20): MmInitializeProcessAddressSpace,
 * attached to the new process, maps the image with MmMapViewOfSection, which for an image
 * section is MiMapViewOfImageSection (WRK mm/mapview.c: ControlArea->u.Flags.Image picks it,
 * MiMapViewOfDataSection otherwise). PspMapSystemDll's ntdll view is an image view too;
 * MmCreatePeb's NLS tables are a data view.
 */
class ClassicSectionViewTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);
    private final List<String> symbols = new ArrayList<>();

    @Test
    void theImageAndNtdllAreImageViewsAndTheNlsTablesADataView() {
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe").output()).contains("returned TRUE");
        machine.engine().setListener(null);

        assertThat(symbols).containsSubsequence(
                "nt!MmInitializeProcessAddressSpace", "nt!KeAttachProcess", "nt!MmMapViewOfSection", "nt!MiMapViewOfImageSection", "nt!KeDetachProcess",
                "nt!PspMapSystemDll", "nt!MmMapViewOfSection", "nt!MiMapViewOfImageSection",
                "nt!MmCreatePeb", "nt!KeAttachProcess", "nt!MmMapViewOfSection", "nt!MiMapViewOfDataSection", "nt!MiCreatePebOrTeb");
        assertThat(symbols.stream().filter("nt!MiMapViewOfImageSection"::equals).count()).isEqualTo(2);
    }

    @Test
    void miMapViewOfImageSectionPutsTheImageAtItsBaseAndRecordsIt() {
        LabMachine.ok(machine, "bp nt!MiMapViewOfImageSection");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");
        EProcess notepad = machine.kernel().objects.values().stream().filter(o -> o instanceof EProcess p && p.sectionObject != null
                && p.sectionObject.fileObject.file.name().equalsIgnoreCase("notepad.exe")).map(EProcess.class::cast).findFirst().orElseThrow();
        long base = notepad.sectionObject.image.imageBase();
        long vpn = base >>> 12;
        assertThat(notepad.addressSpace.vadRoot).doesNotContainKey(vpn);
        assertThat(notepad.sectionBaseAddress).isZero();

        LabMachine.ok(machine, "p");

        Vad image = notepad.addressSpace.vadRoot.get(vpn);
        assertThat(image.kind()).isEqualTo("Image");
        assertThat(image.mapped()).endsWithIgnoringCase("\\notepad.exe");
        assertThat(image.protection()).isEqualTo("EXECUTE_WRITECOPY");
        assertThat(notepad.sectionBaseAddress).isEqualTo(base);
    }
}
