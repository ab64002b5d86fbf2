# The driver loaded from the student's own shell: NtLoadDriver checks SeLoadDriverPrivilege, which explorer.exe's token lacks.
# expect driver-loaded fails: lsass.exe has not called NtLoadDriver yet (.call lsass.exe NtLoadDriver ...).
.call explorer.exe NtLoadDriver \Registry\Machine\System\CurrentControlSet\Services\procmon
g
