# No Win32 process was created, so csrss registered nothing.
# expect csr-records fails: No notepad.exe has been created yet.
!process 0 0
