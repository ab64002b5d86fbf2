-- The seed a machine booted with: a lab machine's is derived from its student and its lab, so
-- PIDs, handle values and addresses differ between students. Replay boots with the stored
-- seed. Machines from before (and sandboxes) have none: they boot with the default seed, as
-- they always did.
ALTER TABLE machine ADD COLUMN boot_seed BIGINT;
