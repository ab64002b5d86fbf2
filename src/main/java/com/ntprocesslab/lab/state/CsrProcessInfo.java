package com.ntprocesslab.lab.state;

/** csrss's CSR_PROCESS record of a Windows process. */
public record CsrProcessInfo(long pid, String image, long shutdownLevel, int threadCount) {
}
