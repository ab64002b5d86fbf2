# The service control manager loads the driver; the load runs on a System worker thread, so g lets it finish.
.call lsass.exe NtLoadDriver \Registry\Machine\System\CurrentControlSet\Services\procmon
g
# @checkpoint driver-loaded
# Tell procmon which image to block, and break in its process notify routine.
.reg add HKLM\SYSTEM\CurrentControlSet\Services\procmon\Parameters BlockImage notepad.exe
bp procmon!ProcmonCreateProcessNotifyRoutineEx
.call explorer.exe CreateProcessW C:\Windows\System32\notepad.exe
k
# @checkpoint in-callback
g
# @checkpoint blocked
