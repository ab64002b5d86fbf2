-- Accounts: students sign up; the first instructor is created at first start.
CREATE TABLE account (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL
);

-- A machine is its boot profile plus its ordered command log (event sourcing).
CREATE TABLE machine (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    owner_id       BIGINT      NOT NULL REFERENCES account (id),
    profile        VARCHAR(16) NOT NULL,
    purpose        VARCHAR(64) NOT NULL,
    kernel_version VARCHAR(32) NOT NULL,
    active         BOOLEAN     NOT NULL,
    created_at     TIMESTAMP   NOT NULL
);
CREATE INDEX machine_owner ON machine (owner_id, purpose, active);

-- Every accepted command, in order. (machine_id, seq) is unique so two writers can never
-- both append command n.
CREATE TABLE command_log (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    machine_id     BIGINT        NOT NULL REFERENCES machine (id),
    seq            BIGINT        NOT NULL,
    command        VARCHAR(4000) NOT NULL,
    output         CLOB          NOT NULL,
    kernel_version VARCHAR(32)   NOT NULL,
    accepted_at    TIMESTAMP     NOT NULL,
    CONSTRAINT command_log_machine_seq UNIQUE (machine_id, seq)
);
