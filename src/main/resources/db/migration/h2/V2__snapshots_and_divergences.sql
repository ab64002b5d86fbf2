-- A snapshot speeds up replay: the machine as it was after command `seq`. The log stays the
-- truth: a snapshot whose checksum or kernel version does not match is ignored.
CREATE TABLE machine_snapshot (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    machine_id     BIGINT      NOT NULL REFERENCES machine (id),
    seq            BIGINT      NOT NULL,
    kernel_version VARCHAR(32) NOT NULL,
    data           BLOB        NOT NULL,
    sha256         VARCHAR(64) NOT NULL,
    created_at     TIMESTAMP   NOT NULL,
    CONSTRAINT machine_snapshot_machine_seq UNIQUE (machine_id, seq)
);

-- A replay whose answer differs from the one recorded (typically a newer kernel replaying an
-- older log): reported, never silently accepted.
CREATE TABLE replay_divergence (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    machine_id       BIGINT        NOT NULL REFERENCES machine (id),
    seq              BIGINT        NOT NULL,
    command          VARCHAR(4000) NOT NULL,
    recorded_version VARCHAR(32)   NOT NULL,
    replay_version   VARCHAR(32)   NOT NULL,
    recorded_output  CLOB          NOT NULL,
    replayed_output  CLOB          NOT NULL,
    detected_at      TIMESTAMP     NOT NULL,
    CONSTRAINT replay_divergence_machine_seq_version UNIQUE (machine_id, seq, replay_version)
);
