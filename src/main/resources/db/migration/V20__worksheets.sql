-- Worksheet definitions, versioned (docs/worksheets.md, "Storage").
--
-- A worksheet is a key and its versions. Built-in worksheets are stored under the nil practice id
-- (00000000-0000-0000-0000-000000000000), copied from the shipped resources at start-up; custom
-- worksheets belong to a practice and their keys start with "custom-", so the two never collide
-- and a (key, version) kept by an entry names exactly one definition in its practice.
-- A stored version is never changed or removed: entries keep (key, version) and must always load.

CREATE TABLE worksheet (
    practice_id          uuid        NOT NULL,
    key                  text        NOT NULL CHECK (key ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' AND length(key) <= 60),
    built_in             boolean     NOT NULL,
    owner_id             uuid,
    owner_name           text        CHECK (length(owner_name) <= 200),
    shared               boolean     NOT NULL DEFAULT false,
    copied_from_key      text,
    copied_from_version  integer,
    created_at           timestamptz NOT NULL,
    PRIMARY KEY (practice_id, key),
    FOREIGN KEY (practice_id, owner_id) REFERENCES account (practice_id, id),
    CHECK (built_in = (practice_id = '00000000-0000-0000-0000-000000000000')),
    CHECK (built_in = (key NOT LIKE 'custom-%')),
    CHECK (built_in = (owner_id IS NULL))
);
-- A clinician's own worksheets.
CREATE INDEX worksheet_owner_idx ON worksheet (practice_id, owner_id);

CREATE TABLE worksheet_version (
    practice_id      uuid        NOT NULL,
    id               uuid        NOT NULL,
    key              text        NOT NULL,
    version          integer     NOT NULL CHECK (version >= 1),
    title            text        NOT NULL,
    definition       jsonb       NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
    created_by       uuid,
    created_by_name  text        CHECK (length(created_by_name) <= 200),
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (practice_id, id),
    UNIQUE (practice_id, key, version),
    FOREIGN KEY (practice_id, key) REFERENCES worksheet (practice_id, key),
    FOREIGN KEY (practice_id, created_by) REFERENCES account (practice_id, id)
);

CREATE FUNCTION worksheet_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'worksheet versions are never changed or removed (% refused); save a new version instead', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER worksheet_version_immutable
    BEFORE UPDATE OR DELETE ON worksheet_version
    FOR EACH ROW EXECUTE FUNCTION worksheet_version_is_immutable();
