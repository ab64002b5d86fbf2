-- User names compare case-insensitively. A database from before may hold both 'alice' and
-- 'ALICE': the older account keeps its name, each later one is renamed 'ALICE~<id>' (a name
-- sign-up can never produce), so every account and its work survive and can still sign in.
UPDATE account SET username = CONCAT(LEFT(username, 40), '~', id)
WHERE EXISTS (SELECT 1 FROM account older
              WHERE LOWER(older.username) = LOWER(account.username) AND older.id < account.id);
ALTER TABLE account ADD COLUMN username_key VARCHAR(64);
UPDATE account SET username_key = LOWER(username);
ALTER TABLE account ALTER COLUMN username_key SET NOT NULL;
CREATE UNIQUE INDEX account_username_key ON account (username_key);

-- An administrator creates instructor accounts. The first-start account is the first
-- instructor ever created; it becomes the administrator of an existing installation.
ALTER TABLE account ADD COLUMN admin BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE account SET admin = TRUE
WHERE id = (SELECT MIN(id) FROM account WHERE role = 'INSTRUCTOR');

-- Instructors who teach a class besides the one who created it (invited by a teacher of it).
CREATE TABLE class_teacher (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    classroom_id  BIGINT    NOT NULL REFERENCES classroom (id),
    instructor_id BIGINT    NOT NULL REFERENCES account (id),
    invited_by    BIGINT    NOT NULL REFERENCES account (id),
    invited_at    TIMESTAMP NOT NULL,
    CONSTRAINT class_teacher_once UNIQUE (classroom_id, instructor_id)
);
CREATE INDEX class_teacher_instructor ON class_teacher (instructor_id);
CREATE INDEX enrollment_student ON enrollment (student_id);
