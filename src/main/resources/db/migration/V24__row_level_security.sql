-- Row-level security: a second fence under the service-layer access checks.
--
-- While a fully signed-in person's request is served, the application sets the session setting
-- carryover.practice_id to that person's practice on every connection it takes from the pool
-- (system/PracticeFence); everywhere else (background jobs, first run, sign-in before it
-- completes, the demo seeder) it sets it to ''. Each table with a practice_id column then shows
-- and accepts only rows of the set practice, or every row when the setting is unset or empty.
--
-- The application role owns these tables, and owners bypass row-level security unless it is
-- FORCEd. Superusers and roles with BYPASSRLS always bypass it; the bundled database's role is
-- neither, and the application warns at start when an external database's role is.
--
-- The loop covers every table in public that has a practice_id column, so none is forgotten;
-- a later migration adding such a table must enable, force and add the same policy (a test fails
-- until it does). See docs/architecture.md, "Row-level security".
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.table_name
        FROM information_schema.columns c
        JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'practice_id' AND tb.table_type = 'BASE TABLE'
        ORDER BY c.table_name
    LOOP
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t.table_name);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', t.table_name);
        -- Each sub-select is an InitPlan, read once per statement rather than once per row;
        -- nullif keeps ''::uuid from ever being evaluated.
        EXECUTE format($policy$
            CREATE POLICY practice_fence ON public.%I FOR ALL
            USING ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
                   OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
            WITH CHECK ((SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid) IS NULL
                   OR practice_id = (SELECT nullif(current_setting('carryover.practice_id', true), '')::uuid))
            $policy$, t.table_name);
    END LOOP;
END;
$$;

-- The built-in worksheets belong to no practice (stored under the nil practice id): every
-- practice may read them, none may change them while fenced (permissive policies combine with OR,
-- and this one is for SELECT only).
CREATE POLICY built_in_worksheets_readable ON worksheet FOR SELECT
    USING (practice_id = '00000000-0000-0000-0000-000000000000');
CREATE POLICY built_in_worksheets_readable ON worksheet_version FOR SELECT
    USING (practice_id = '00000000-0000-0000-0000-000000000000');

-- An e-mail address is unique across the installation, so an admin inviting an address that
-- belongs to an account of another practice must learn that it is taken (a friendly 400, not a
-- unique violation). The function answers only yes or no, lifting the fence for its one query.
-- (A function-level SET of a custom setting needs a superuser, so it sets and restores it
-- locally; a transaction that fails is rolled back, which restores it too.)
CREATE FUNCTION account_email_taken(address text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE
    AS $$
DECLARE
    fence text := coalesce(current_setting('carryover.practice_id', true), '');
    taken boolean;
BEGIN
    PERFORM set_config('carryover.practice_id', '', true);
    SELECT EXISTS (SELECT 1 FROM account WHERE email = address) INTO taken;
    PERFORM set_config('carryover.practice_id', fence, true);
    RETURN taken;
END;
$$;
