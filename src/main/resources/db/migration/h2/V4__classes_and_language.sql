-- The language a user reads the whole UI in, remembered across sessions.
ALTER TABLE account ADD COLUMN language VARCHAR(8) DEFAULT 'en' NOT NULL;

-- An instructor's class; students join it with its code.
CREATE TABLE classroom (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    instructor_id BIGINT       NOT NULL REFERENCES account (id),
    join_code     VARCHAR(16)  NOT NULL UNIQUE,
    created_at    TIMESTAMP    NOT NULL
);

CREATE TABLE enrollment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    classroom_id BIGINT    NOT NULL REFERENCES classroom (id),
    student_id   BIGINT    NOT NULL REFERENCES account (id),
    joined_at    TIMESTAMP NOT NULL,
    CONSTRAINT enrollment_once UNIQUE (classroom_id, student_id)
);
