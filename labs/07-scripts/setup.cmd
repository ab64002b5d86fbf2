# A folder for the student's scripts; the machine is otherwise freshly booted.
.file add C:\Temp\readme.txt "Put your scripts here."
