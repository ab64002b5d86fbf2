# A freshly booted machine: procmon.sys is installed (its service key exists) but not loaded.
