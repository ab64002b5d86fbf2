# A freshly booted machine: nothing to prepare.
