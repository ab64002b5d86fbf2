-- Every grading of a checkpoint: a student's Check or an instructor's re-grade. Feedback is
-- stored in both languages; log_position is the last command of the machine it graded.
CREATE TABLE attempt (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    student_id    BIGINT      NOT NULL REFERENCES account (id),
    machine_id    BIGINT      NOT NULL REFERENCES machine (id),
    lab_id        VARCHAR(64) NOT NULL,
    checkpoint_id VARCHAR(64) NOT NULL,
    passed        BOOLEAN     NOT NULL,
    feedback_en   CLOB        NOT NULL,
    feedback_zh   CLOB        NOT NULL,
    log_position  BIGINT      NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    checked_at    TIMESTAMP   NOT NULL
);
CREATE INDEX attempt_student_lab ON attempt (student_id, lab_id, checkpoint_id);
CREATE INDEX attempt_lab ON attempt (lab_id);
CREATE INDEX machine_purpose ON machine (purpose, active);
