-- The best result of each student at each checkpoint: where it was first reached in the
-- history of one of their machines for the lab. A row is never removed, so a checkpoint,
-- once reached, stays passed (also after a reset and after a restart).
CREATE TABLE checkpoint_reached (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    student_id    BIGINT        NOT NULL REFERENCES account (id),
    lab_id        VARCHAR(64)   NOT NULL,
    checkpoint_id VARCHAR(64)   NOT NULL,
    machine_id    BIGINT        NOT NULL REFERENCES machine (id),
    log_position  BIGINT        NOT NULL,
    command       VARCHAR(4000) NOT NULL,
    reached_at    TIMESTAMP,
    CONSTRAINT checkpoint_reached_once UNIQUE (student_id, lab_id, checkpoint_id)
);
CREATE INDEX checkpoint_reached_lab ON checkpoint_reached (lab_id);
