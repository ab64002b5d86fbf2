package com.ntprocesslab.kernel.io;

/**
 * What the image file services read and fill in for a creation: the image's paths, the file
 * object and the handles of the file and its section, and SECTION_IMAGE_INFORMATION. The
 * process manager's creation parameters extend it.
 */
public class ImageFileRequest {
    public String dosPath;
    public String ntPath;
    public FileObject file;
    /*
     * The classic pipeline works through handles in the caller's table, as XP's kernel32 does:
     * the image file and section are opened by NtOpenFile and NtCreateSection.
     */
    public long fileHandle;
    public long sectionHandle;
    /** NtQuerySection's SECTION_IMAGE_INFORMATION. */
    public ImageDescriptor imageInformation;
}
