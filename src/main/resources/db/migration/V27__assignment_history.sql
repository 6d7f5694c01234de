-- Assignments can be edited while open: the assignment row holds the current version (what the client
-- sees) and its revision number; each change is kept with who made it, when, and each field's value
-- before and after, in words. The plan agreed at a review for what got in the way ("move it to the
-- lunch break") is carried into the next assignment and shown to the client with it.
ALTER TABLE assignment ADD COLUMN revision int NOT NULL DEFAULT 1;
ALTER TABLE assignment ADD COLUMN plan text CHECK (length(plan) <= 2000);

CREATE TABLE assignment_revision (
    practice_id    uuid        NOT NULL,
    assignment_id  uuid        NOT NULL,
    revision       int         NOT NULL CHECK (revision > 1),
    changes        jsonb       NOT NULL,
    note           text        CHECK (length(note) <= 1000),
    changed_at     timestamptz NOT NULL,
    changed_by     uuid        NOT NULL,
    PRIMARY KEY (practice_id, assignment_id, revision),
    FOREIGN KEY (practice_id, assignment_id) REFERENCES assignment (practice_id, id),
    FOREIGN KEY (practice_id, changed_by) REFERENCES account (practice_id, id)
);

ALTER TABLE assignment_revision ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignment_revision FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_fence ON assignment_revision FOR ALL
    USING ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
    WITH CHECK ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid));
