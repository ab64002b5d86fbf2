# A freshly booted Windows 10 machine: nothing to prepare.
