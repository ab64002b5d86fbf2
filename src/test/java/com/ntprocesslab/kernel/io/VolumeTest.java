package com.ntprocesslab.kernel.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The volume the image services open files on: the default machine's files, directories, copies. */
class VolumeTest {
    private final Volume volume = DefaultVolume.create();

    @Test
    void theDefaultVolumeHasTheSystemDllAndTheNativeAndWin32Images() {
        VolumeFile ntdll = volume.find(DefaultVolume.SYSTEM32 + "ntdll.dll");
        VolumeFile smss = volume.find(DefaultVolume.SYSTEM32 + "smss.exe");
        VolumeFile notepad = volume.find(DefaultVolume.SYSTEM32 + "notepad.exe");

        assertThat(ntdll.image().dll()).isTrue();
        assertThat(smss.image().subsystem()).isEqualTo(ImageDescriptor.IMAGE_SUBSYSTEM_NATIVE);
        assertThat(notepad.image().subsystem()).isEqualTo(ImageDescriptor.IMAGE_SUBSYSTEM_WINDOWS_GUI);
        assertThat(notepad.name()).isEqualTo("notepad.exe");
        assertThat(volume.find(DefaultVolume.SYSTEM32 + "nothere.exe")).isNull();
    }

    @Test
    void aDirectoryExistsWhenAFileLivesInItAndTheOnlyDriveIsC() {
        assertThat(volume.directoryExists("C:\\Windows\\System32")).isTrue();
        assertThat(volume.directoryExists("C:\\Windows\\System32\\")).isTrue();
        assertThat(volume.directoryExists("C:\\")).isTrue();
        assertThat(volume.directoryExists("D:\\")).isFalse();
        assertThat(volume.directoryExists("C:\\NoSuchDirectory")).isFalse();
    }

    @Test
    void aCopyTakesFilesAddedLaterToNeitherSide() {
        Volume copy = volume.copy();
        copy.add(new VolumeFile("C:\\Tools\\readme.txt", null, "hello"));

        assertThat(copy.find("C:\\Tools\\readme.txt").isImage()).isFalse();
        assertThat(volume.find("C:\\Tools\\readme.txt")).isNull();
        assertThat(DefaultVolume.create().find("C:\\Tools\\readme.txt")).isNull();
    }
}
