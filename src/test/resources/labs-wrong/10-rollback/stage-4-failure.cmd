# A failure injected elsewhere (the new thread's TEB, stage 4) also ends in ERROR_NOT_ENOUGH_MEMORY and leaves nothing behind,
# but it is not the stage-3 rollback the lab is about.
# expect rolled-back fails: No injected addressspace failure has fired yet (.fail addressspace, then the call).
.fail teb
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
