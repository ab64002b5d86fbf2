package com.ntprocesslab.kernel.win32;

import java.util.ArrayList;
import java.util.List;

/** The loader's work list while it maps and initialises a process's DLLs. */
public final class LoaderState {
    public final List<String> mapOrder = new ArrayList<>();
    public final List<String> initOrder = new ArrayList<>();
    public int index;
    public int initIndex;
    public long status;
}
