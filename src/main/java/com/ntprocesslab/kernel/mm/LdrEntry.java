package com.ntprocesslab.kernel.mm;

/** LDR_DATA_TABLE_ENTRY: one module in the PEB loader lists. */
public record LdrEntry(String baseDllName, String fullDllName, long dllBase, long sizeOfImage, long entryPoint) {
}
