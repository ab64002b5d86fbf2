-- Who made a machine from which moment of which other machine: an instructor's own sandbox
-- copy of a student's moment, or a copy handed back to the student ("start again from here").
-- The source machine and its log are never changed by a fork.
CREATE TABLE machine_fork (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    fork_machine_id   BIGINT      NOT NULL REFERENCES machine (id),
    source_machine_id BIGINT      NOT NULL REFERENCES machine (id),
    source_command    INTEGER     NOT NULL,
    source_position   BIGINT,
    forked_by         BIGINT      NOT NULL REFERENCES account (id),
    kind              VARCHAR(16) NOT NULL,
    forked_at         TIMESTAMP   NOT NULL
);
CREATE INDEX machine_fork_source ON machine_fork (source_machine_id);
CREATE INDEX machine_fork_by ON machine_fork (forked_by);

-- An archived class keeps its roster, machines and every log; it only leaves the active list.
ALTER TABLE classroom ADD COLUMN archived_at TIMESTAMP;
