package com.ntprocesslab.kernel.cm;

import java.util.TreeMap;

/** A registry key: its display name, values and subkeys (names compared case-insensitively). */
public final class RegistryKey {
    public final String name;
    public final TreeMap<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    public final TreeMap<String, RegistryKey> subkeys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public RegistryKey(String name) {
        this.name = name;
    }
}
