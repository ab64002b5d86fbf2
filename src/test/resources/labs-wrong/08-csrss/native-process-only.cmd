# Nothing started: csrss has nothing new to register.
# expect csr-records fails: There is no process with image notepad.exe.
# expect same-records fails: Expected 1 × a CSR_PROCESS for notepad.exe with shutdown level 0x280 and 1 CSR_THREAD(s); found 0.
!process 0 0
