-- From V14 on, one migration serves H2 and PostgreSQL alike (portable SQL only).
-- Which node serves a machine: only the lease holder appends to its log, and every append checks
-- the holder and its fencing token in the same transaction. Each take of a lease raises the token,
-- so a node that lost its lease (paused, cut off, presumed dead) can never append again.
CREATE TABLE machine_lease (
    machine_id    BIGINT                   NOT NULL PRIMARY KEY REFERENCES machine (id),
    node_id       VARCHAR(128)             NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    fencing_token BIGINT                   NOT NULL
);
CREATE INDEX machine_lease_node ON machine_lease (node_id);
