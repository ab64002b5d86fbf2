package com.ntprocesslab.kernel.cm;

import java.util.ArrayList;
import java.util.List;

/** The configuration manager's hive tree, rooted at HKLM (paths may use HKLM or HKEY_LOCAL_MACHINE). */
public final class Registry {
    public static final String IFEO = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options";

    public final RegistryKey root = new RegistryKey("HKLM");

    public static Registry createDefault() {
        Registry registry = new Registry();
        registry.createKey(IFEO);
        registry.createKey("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\SubSystems").values
                .put("Windows", "%SystemRoot%\\system32\\csrss.exe ObjectDirectory=\\Windows SharedSection=1024,20480,768");
        // a demand-start kernel driver (Type 1, Start 3) that services.exe loads with NtLoadDriver
        RegistryKey procmon = registry.createKey("HKLM\\SYSTEM\\CurrentControlSet\\Services\\procmon");
        procmon.values.put("ImagePath", "\\SystemRoot\\System32\\drivers\\procmon.sys");
        procmon.values.put("Type", "1");
        procmon.values.put("Start", "3");
        registry.createKey("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon").values.put("Userinit", "C:\\Windows\\system32\\userinit.exe,");
        return registry;
    }

    /** Splits a key path into components below HKLM; null when the path is not under HKLM. */
    public static List<String> components(String path) {
        int end = path.indexOf('\\');
        String hive = end < 0 ? path : path.substring(0, end);
        if (!(hive.equalsIgnoreCase("HKLM") || hive.equalsIgnoreCase("HKEY_LOCAL_MACHINE"))) {
            return null;
        }
        List<String> result = new ArrayList<>();
        // as String.split would: trailing separators end the path, an empty component inside it is refused
        int last = path.length();
        while (last > 0 && path.charAt(last - 1) == '\\') {
            last--;
        }
        for (int start = end + 1; end >= 0 && start <= last && start > 0; start = end + 1) {
            end = path.indexOf('\\', start);
            int stop = end < 0 || end > last ? last : end;
            if (stop == start) {
                return null;
            }
            result.add(path.substring(start, stop));
            if (stop == last) {
                break;
            }
        }
        return result;
    }

    public RegistryKey openKey(String path) {
        List<String> parts = components(path);
        if (parts == null) {
            return null;
        }
        RegistryKey key = root;
        for (String part : parts) {
            key = key.subkeys.get(part);
            if (key == null) {
                return null;
            }
        }
        return key;
    }

    public RegistryKey createKey(String path) {
        RegistryKey key = root;
        for (String part : components(path)) {
            key = key.subkeys.computeIfAbsent(part, RegistryKey::new);
        }
        return key;
    }

    /** Deletes a key and its subtree; false when absent or the root. */
    public boolean deleteKey(String path) {
        List<String> parts = components(path);
        if (parts == null || parts.isEmpty()) {
            return false;
        }
        RegistryKey parent = openKey(path.substring(0, path.lastIndexOf('\\')));
        return parent != null && parent.subkeys.remove(parts.get(parts.size() - 1)) != null;
    }

    /** Reads IFEO\<image>\<value> the way the loader and kernel do; null when absent. */
    public String imageFileExecutionOption(String imageName, String value) {
        RegistryKey key = openKey(IFEO + "\\" + imageName);
        return key == null ? null : key.values.get(value);
    }
}
