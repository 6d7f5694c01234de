-- Copies every client of one practice, with its whole history, within that same practice, straight in
-- PostgreSQL (server-side INSERT … SELECT): used by the outcome benchmarks (OutcomeBenchmark) to grow a few
-- clients seeded through the real services into a caseload of 60 or a practice of 10,000.
-- Settings read: gen.practice (the practice's id), gen.copies (how many copies to make; copy c is of
-- template client c mod the number of templates), gen.only (the template clients' ids, comma-separated).
--
-- Generic over the schema, as bench/datagen/generate.sql (whose approach this follows): every table with a
-- practice_id except the audit trail; a row belongs to a client when it has its client_id or names a row
-- that does; in a copied row every uuid is mapped to the copy's, except the practice's id, the clinicians'
-- accounts and practice-wide rows (worksheets, custom measures), which stay, so the copies share the
-- clinician and the practice. A mapped id keeps its first 48 bits (a UUID v7's time) so ordering holds.
SET session_replication_role = replica; -- a bulk load: no foreign-key or user triggers (consistent by construction)

CREATE FUNCTION pg_temp.h(u uuid, c int) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT (left(u::text, 15) || substr(x, 1, 3) || '-8' || substr(x, 4, 3) || '-' || substr(x, 7, 12))::uuid
  FROM (SELECT md5(u::text || ':clone:' || c) AS x) s $$;

DO $gen$
DECLARE
  tmpl uuid := current_setting('gen.practice')::uuid;
  copies int := current_setting('gen.copies')::int;
  kset uuid[];
  qset uuid[] := '{}';
  ntc int;
  t record;
  col record;
  cols text;
  exprs text;
  owner_expr text;
  e text;
BEGIN
  -- clinicians: accounts that are not a client's
  SELECT array_agg(id) INTO kset FROM account a WHERE a.practice_id = tmpl
      AND NOT EXISTS (SELECT 1 FROM client c WHERE c.practice_id = tmpl AND c.account_id = a.id);
  CREATE TEMP TABLE tc AS SELECT id, row_number() OVER (ORDER BY created_at, id)::int - 1 AS n
      FROM client WHERE practice_id = tmpl AND id = ANY (string_to_array(current_setting('gen.only'), ',')::uuid[]);
  ntc := (SELECT count(*) FROM tc);
  CREATE TEMP TABLE own (id uuid PRIMARY KEY, n int NOT NULL);
  INSERT INTO own SELECT id, n FROM tc;
  INSERT INTO own SELECT c.account_id, tc.n FROM client c JOIN tc ON tc.id = c.id ON CONFLICT DO NOTHING;
  INSERT INTO own SELECT sp.session_id, tc.n FROM session_participant sp JOIN tc ON tc.id = sp.client_id
      WHERE sp.practice_id = tmpl ON CONFLICT DO NOTHING;
  FOR t IN SELECT table_name FROM information_schema.columns
           WHERE table_schema = 'public' AND column_name = 'client_id' AND table_name NOT LIKE 'audit%'
             AND table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id')
             AND table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'practice_id')
  LOOP
    EXECUTE format('INSERT INTO own SELECT x.id, tc.n FROM %I x JOIN tc ON tc.id = x.client_id WHERE x.practice_id = $1
                    ON CONFLICT DO NOTHING', t.table_name) USING tmpl;
  END LOOP;
  FOR pass IN 1..2 LOOP
    FOR t IN SELECT c.table_name FROM information_schema.columns c
             WHERE c.table_schema = 'public' AND c.column_name = 'id' AND c.table_name NOT LIKE 'audit%'
               AND c.table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'practice_id')
               AND c.table_name NOT IN (SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'client_id')
    LOOP
      SELECT string_agg(format('(SELECT n FROM own WHERE id = x.%I)', column_name), ', ') INTO owner_expr
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name = t.table_name
         AND udt_name = 'uuid' AND column_name NOT IN ('id', 'practice_id');
      IF owner_expr IS NOT NULL THEN
        EXECUTE format('INSERT INTO own SELECT x.id, coalesce(%s) FROM %I x WHERE x.practice_id = $1
                        AND coalesce(%s) IS NOT NULL ON CONFLICT DO NOTHING', owner_expr, t.table_name, owner_expr) USING tmpl;
      END IF;
    END LOOP;
  END LOOP;
  -- ids of practice-wide rows: shared by the copies
  FOR t IN SELECT c.table_name FROM information_schema.columns c
           WHERE c.table_schema = 'public' AND c.column_name = 'id' AND c.udt_name = 'uuid' AND c.table_name NOT LIKE 'audit%'
             AND c.table_name <> 'practice'
             AND c.table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'practice_id')
  LOOP
    EXECUTE format('SELECT $2 || coalesce(array_agg(x.id), ''{}'') FROM %I x WHERE x.practice_id = $1
                    AND NOT EXISTS (SELECT 1 FROM own WHERE own.id = x.id)', t.table_name)
      INTO qset USING tmpl, qset;
  END LOOP;

  CREATE TEMP TABLE gen_c AS SELECT c, c % ntc AS n FROM generate_series(1, copies) c;

  FOR t IN SELECT DISTINCT c.table_name FROM information_schema.columns c JOIN information_schema.tables tb
             ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
           WHERE c.table_schema = 'public' AND c.column_name = 'practice_id' AND c.table_name NOT LIKE 'audit%'
           ORDER BY 1
  LOOP
    cols := ''; exprs := '';
    FOR col IN SELECT column_name, udt_name FROM information_schema.columns
               WHERE table_schema = 'public' AND table_name = t.table_name ORDER BY ordinal_position
    LOOP
      IF col.udt_name = 'uuid' THEN
        e := format('CASE WHEN x.%1$I IS NULL OR x.%1$I = %2$L OR x.%1$I = ANY (%3$L::uuid[]) OR x.%1$I = ANY (%4$L::uuid[]) '
                    'THEN x.%1$I ELSE pg_temp.h(x.%1$I, g.c) END', col.column_name, tmpl, kset, qset);
      ELSIF t.table_name = 'account' AND col.column_name = 'email' THEN
        e := 'replace(x.email, ''@'', ''+copy'' || g.c || ''@'')';
      ELSIF t.table_name IN ('account', 'client') AND col.column_name = 'display_name' THEN
        e := 'x.display_name || '' '' || g.c';
      ELSE
        e := format('x.%I', col.column_name);
      END IF;
      cols := cols || CASE WHEN cols = '' THEN '' ELSE ', ' END || quote_ident(col.column_name);
      exprs := exprs || CASE WHEN exprs = '' THEN '' ELSE ', ' END || e;
    END LOOP;
    SELECT string_agg(format('(SELECT n FROM own WHERE id = x.%I)', column_name), ', ' ORDER BY ordinal_position) INTO owner_expr
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name = t.table_name
       AND udt_name = 'uuid' AND column_name <> 'practice_id';
    owner_expr := coalesce('coalesce(' || owner_expr || ')', 'NULL::int');
    EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM (SELECT *, %s AS own_n FROM %I x WHERE x.practice_id = $1) x '
                   'JOIN gen_c g ON g.n = x.own_n', t.table_name, cols, exprs, owner_expr, t.table_name) USING tmpl;
  END LOOP;
  DROP TABLE tc, own, gen_c;
END
$gen$;
RESET session_replication_role;
ANALYZE;
