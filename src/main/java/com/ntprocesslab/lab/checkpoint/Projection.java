package com.ntprocesslab.lab.checkpoint;

/** A view of the machine that a state comparison looks at; everything else is ignored. */
public enum Projection {
    /** Processes by image name, parent image and whether they have exited (with exit status). */
    PROCESS_TREE,
    /** Threads of each image by state and suspend count. */
    THREADS,
    /** Handle tables of each image by object type, target and granted access (never handle values). */
    HANDLES,
    /** csrss's CSR_PROCESS records by image, shutdown level and CSR_THREAD count. */
    CSR,
    /** Where the machine is stopped. */
    STOP,
    /** The outcome and Win32 error of the last .call. */
    LAST_CALL;

    /** The name used in lab.yaml: {@code process_tree}. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
