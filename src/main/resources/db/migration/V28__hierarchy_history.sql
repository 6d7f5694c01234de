-- Exposure hierarchies are edited as therapy goes on: steps added, reworded, re-rated, reordered and
-- removed. A removed step stays (assignments and trials point at it) but leaves the hierarchy; each
-- change is kept in words with who made it and when.
ALTER TABLE exposure_step ADD COLUMN removed_at timestamptz;
ALTER TABLE exposure_hierarchy ADD COLUMN revision int NOT NULL DEFAULT 1;

CREATE TABLE exposure_hierarchy_revision (
    practice_id   uuid        NOT NULL,
    hierarchy_id  uuid        NOT NULL,
    revision      int         NOT NULL CHECK (revision > 1),
    changes       text[]      NOT NULL,
    changed_at    timestamptz NOT NULL,
    changed_by    uuid        NOT NULL,
    PRIMARY KEY (practice_id, hierarchy_id, revision),
    FOREIGN KEY (practice_id, hierarchy_id) REFERENCES exposure_hierarchy (practice_id, id),
    FOREIGN KEY (practice_id, changed_by) REFERENCES account (practice_id, id)
);

ALTER TABLE exposure_hierarchy_revision ENABLE ROW LEVEL SECURITY;
ALTER TABLE exposure_hierarchy_revision FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_fence ON exposure_hierarchy_revision FOR ALL
    USING ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
    WITH CHECK ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid));
