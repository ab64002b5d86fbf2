-- Per-class release of feedback and of "show solution". Feedback stays shown (as before) until
-- a teacher withholds it; the solution follows each lab's own rule (offered after a number of
-- failed checks) until a teacher withholds or releases it for the class.
ALTER TABLE classroom ADD COLUMN feedback_released BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE classroom ADD COLUMN solution_release VARCHAR(16) DEFAULT 'LAB_RULE' NOT NULL;
