package com.ntprocesslab.kernel.io;

import com.ntprocesslab.kernel.ob.EventObject;

/**
 * The work item NtLoadDriver queues for a system worker thread (LOAD_PACKET in ReactOS
 * io/iomgr/driver.c): the service to load, the event its caller waits on and the status it
 * reports back. The caller's argument block holds the event's reference.
 */
public final class DriverLoad {
    /** DriverServiceName as passed: \Registry\Machine\System\CurrentControlSet\Services\name. */
    public String registryPath;
    public String serviceName;
    /** The service's ImagePath value, and the file it names. */
    public String imagePath;
    public String imageFile;
    public long imageBase;
    public EventObject event;
    public long status;
}
