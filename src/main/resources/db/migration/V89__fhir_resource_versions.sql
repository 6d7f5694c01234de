-- The FHIR read API's record of what each exported resource looked like when it was last served,
-- so _lastUpdated and _since can answer "what changed since yesterday" for resources whose source
-- rows keep no change time of their own (sessions, assignment statuses, derived Tasks and
-- Observations). A resource's last_updated moves when its content hash changes.
CREATE TABLE fhir_resource_version (
    practice_id   uuid        NOT NULL,
    client_id     uuid        NOT NULL,
    resource_type text        NOT NULL,
    resource_id   text        NOT NULL,
    content_hash  bytea       NOT NULL,
    last_updated  timestamptz NOT NULL,
    PRIMARY KEY (practice_id, resource_type, resource_id),
    FOREIGN KEY (practice_id, client_id) REFERENCES client (practice_id, id) ON DELETE CASCADE
);

CREATE INDEX fhir_resource_version_client ON fhir_resource_version (practice_id, client_id, last_updated);

ALTER TABLE fhir_resource_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE fhir_resource_version FORCE ROW LEVEL SECURITY;
CREATE POLICY practice_fence ON fhir_resource_version FOR ALL
    USING ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
    WITH CHECK ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
           OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid));
