# The driver loaded from the student's own shell: NtLoadDriver checks SeLoadDriverPrivilege, which explorer.exe's token lacks.
# expect driver-loaded fails: services.exe has not called NtLoadDriver yet (.call services.exe NtLoadDriver ...).
.call explorer.exe NtLoadDriver \Registry\Machine\System\CurrentControlSet\Services\procmon
g
