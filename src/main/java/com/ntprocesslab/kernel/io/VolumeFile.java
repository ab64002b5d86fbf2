package com.ntprocesslab.kernel.io;

/** A file on the volume: a PE image, or plain text (batch files, documents). */
public record VolumeFile(String path, ImageDescriptor image, String content) {
    public boolean isImage() {
        return image != null;
    }

    public String name() {
        return path.substring(path.lastIndexOf('\\') + 1);
    }
}
