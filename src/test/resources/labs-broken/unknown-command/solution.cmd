# Start notepad the wrong way

!process 0 0
frobnicate notepad.exe
