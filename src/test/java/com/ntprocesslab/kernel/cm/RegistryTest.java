package com.ntprocesslab.kernel.cm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The configuration manager's keys: paths under HKLM, case-insensitive names, IFEO reads. */
class RegistryTest {
    private final Registry registry = Registry.createDefault();

    @Test
    void onlyPathsUnderHklmWithoutEmptyComponentsAreKeyPaths() {
        assertThat(Registry.components("HKLM\\SOFTWARE\\Lab")).containsExactly("SOFTWARE", "Lab");
        assertThat(Registry.components("HKEY_LOCAL_MACHINE\\SOFTWARE")).containsExactly("SOFTWARE");
        assertThat(Registry.components("HKLM")).isEmpty();
        assertThat(Registry.components("HKCU\\Software")).isNull();
        assertThat(Registry.components("HKLM\\\\SOFTWARE")).isNull();
    }

    @Test
    void aCreatedKeyOpensUnderAnyCaseAndItsSubtreeGoesWithIt() {
        registry.createKey("HKLM\\SOFTWARE\\Lab\\Inner").values.put("Value", "1");

        assertThat(registry.openKey("hklm\\software\\LAB\\inner").values).containsEntry("value", "1");
        assertThat(registry.deleteKey("HKLM\\SOFTWARE\\Lab")).isTrue();
        assertThat(registry.openKey("HKLM\\SOFTWARE\\Lab\\Inner")).isNull();
        assertThat(registry.deleteKey("HKLM\\SOFTWARE\\Lab")).isFalse();
        assertThat(registry.deleteKey("HKLM")).isFalse();
        assertThat(registry.openKey("HKLM\\SOFTWARE")).isNotNull();
    }

    @Test
    void anImageFileExecutionOptionIsReadFromTheImagesKeyOnly() {
        assertThat(registry.imageFileExecutionOption("notepad.exe", "Debugger")).isNull();

        registry.createKey(Registry.IFEO + "\\notepad.exe").values.put("Debugger", "C:\\Windows\\System32\\calc.exe");

        assertThat(registry.imageFileExecutionOption("NOTEPAD.EXE", "Debugger")).isEqualTo("C:\\Windows\\System32\\calc.exe");
        assertThat(registry.imageFileExecutionOption("calc.exe", "Debugger")).isNull();
        assertThat(registry.imageFileExecutionOption("notepad.exe", "GlobalFlag")).isNull();
    }
}
