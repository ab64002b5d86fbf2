# A freshly booted Windows XP (classic profile) machine: nothing to prepare.
