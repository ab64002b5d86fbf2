package com.ntprocesslab.kernel.ke;

/**
 * A thread as the dispatcher sees it: only its KTHREAD (the executive's ETHREAD embeds one,
 * as Tcb). The scheduler reads and changes nothing else of the threads it queues.
 */
public interface Schedulable {
    KThread tcb();
}
