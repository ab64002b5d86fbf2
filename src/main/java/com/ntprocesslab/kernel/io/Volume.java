package com.ntprocesslab.kernel.io;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeMap;

/** The machine's C: volume: files by DOS path, compared case-insensitively as NTFS does. */
public final class Volume {
    private final TreeMap<String, VolumeFile> files = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public void add(VolumeFile file) {
        files.put(file.path(), file);
    }

    public VolumeFile find(String dosPath) {
        return files.get(dosPath);
    }

    /** True when some file lives in the directory, which is all a directory is here. */
    public boolean directoryExists(String directory) {
        String prefix = directory.endsWith("\\") ? directory : directory + "\\";
        if (prefix.length() == 3 && prefix.endsWith(":\\")) {
            return prefix.toUpperCase(Locale.ROOT).startsWith("C");
        }
        String ceiling = files.ceilingKey(prefix);
        return ceiling != null && ceiling.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    public Collection<VolumeFile> files() {
        return files.values();
    }

    public Volume copy() {
        Volume copy = new Volume();
        copy.files.putAll(files);
        return copy;
    }
}
