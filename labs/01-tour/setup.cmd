# The machine starts freshly booted: nothing to prepare.
