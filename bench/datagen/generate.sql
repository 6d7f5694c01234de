-- Generates practices from the demo practice, straight in PostgreSQL (server-side INSERT … SELECT,
-- no round trips per row). Run by bench/datagen/generate.sh; psql variables: practices, per_practice.
--
-- The demo practice (made through the real services on first start in demo mode: two clinicians,
-- six clients, goals, weekly sessions, homework chains with reviews and reflections, entries with
-- worksheet answers, an exposure hierarchy, consents) is first given symptom measures (a PHQ-9 and a
-- GAD-7 before each held session and a schedule asking for them before each session), then copied:
-- each generated practice has 10 clinicians (5 copies of the two demo clinicians, each with their
-- share of the clients) and per_practice clients, client i a copy of demo client i mod 6 with its
-- whole history, its own name, e-mail and sign-in.
--
-- Copying is generic over the schema, so tables added later are copied too: every table with a
-- practice_id except the audit trail; every uuid in a copied row is mapped, by what it names, to
-- the practice's (the practice id, practice-wide rows such as worksheets), the clinician copy's
-- (a clinician account) or the client copy's id (everything else), so references stay whole. A
-- mapped id keeps the first 48 bits (the time of a UUID v7) so ordering by id is unchanged.
-- Generated accounts share the demo password; the practices are marked demo (published passwords).
-- Audit rows are not copied (their MACs are keyed to their contents); erasure and token tables are
-- empty in the demo and so in the copies.
\set ON_ERROR_STOP on
SELECT set_config('gen.practices', :'practices', false), set_config('gen.per_practice', :'per_practice', false);
SET session_replication_role = replica; -- a bulk load: no foreign-key or user triggers (consistent by construction)

-- time-ordered id (UUID v7 layout) for the rows made here
CREATE FUNCTION pg_temp.uuid7(at timestamptz, salt text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT (lpad(to_hex((extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7' || substr(md5(salt), 1, 3)
          || '8' || substr(md5(salt), 4, 15))::uuid $$;
-- the copy of an id for practice p, clinician copy k, client copy c (-1: not at that level)
CREATE FUNCTION pg_temp.h(u uuid, p int, k int, c int) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT (left(u::text, 15) || substr(x, 1, 3) || '-8' || substr(x, 4, 3) || '-' || substr(x, 7, 12))::uuid
  FROM (SELECT md5(u::text || ':' || p || ':' || k || ':' || c) AS x) s $$;

DO $gen$
DECLARE
  tmpl uuid := (SELECT id FROM practice WHERE is_demo ORDER BY created_at LIMIT 1);
  practices int := current_setting('gen.practices')::int;
  per_practice int := current_setting('gen.per_practice')::int;
  kset uuid[];
  qset uuid[] := '{}';
  ntc int;
  t record;
  col record;
  cols text;
  exprs text;
  owner_expr text;
  has_id boolean;
  e text;
  first_names text[] := ARRAY['Amara','Ben','Chloe','Dev','Elif','Farah','Gabriel','Hana','Isaac','Jade','Kofi','Lena',
    'Marco','Nia','Oscar','Pia','Rafael','Sara','Theo','Una','Victor','Wen','Yusuf','Zoe','Aled','Bea','Cian','Dana',
    'Emil','Freya','Idris','Juno','Kai','Lior','Mina','Noor','Ola','Ravi','Sian','Tariq'];
  last_names text[] := ARRAY['Ahmed','Brennan','Costa','Dubois','Evans','Fischer','Garcia','Haddad','Ibrahim','Jensen',
    'Kaur','Larsen','Murphy','Novak','Osei','Patel','Quinn','Rossi','Silva','Tanaka','Uddin','Varga','Walsh','Xu',
    'Yilmaz','Zielinski','Adeyemi','Bianchi','Chen','Doyle','Eriksen','Fofana','Gallo','Hughes','Ivanova','Jones',
    'Kowal','Lopez','Meyer','Nakamura'];
BEGIN
  IF tmpl IS NULL THEN RAISE EXCEPTION 'no demo practice to copy (start once with --carryover.demo=true)'; END IF;
  IF EXISTS (SELECT 1 FROM practice WHERE is_demo AND id <> tmpl) THEN
    RAISE EXCEPTION 'this database already holds generated practices';
  END IF;

  -- Symptom measures for the demo clients: a schedule before each session, and a PHQ-9 and a GAD-7
  -- answered by the client an hour before each held session, easing week by week.
  INSERT INTO measure_schedule (practice_id, id, client_id, instrument, kind, interval_weeks, starts_on, created_at, created_by)
  SELECT tmpl, pg_temp.uuid7(c.created_at, c.id::text || m), c.id, m, 'BEFORE_EACH_SESSION', NULL,
         (c.created_at AT TIME ZONE c.time_zone)::date, c.created_at, ct.clinician_id
  FROM client c JOIN care_team_member ct ON ct.practice_id = c.practice_id AND ct.client_id = c.id
  CROSS JOIN (VALUES ('PHQ9'), ('GAD7')) AS i(m)
  WHERE c.practice_id = tmpl AND ct.team_role = 'PRIMARY';
  INSERT INTO measure_administration (practice_id, id, client_id, instrument, submission_id, answered_by, mode, session_id,
      answers, total, prorated, missing, band, risk, answered_at, local_date)
  SELECT tmpl, pg_temp.uuid7(s.starts_at - interval '1 hour', s.id::text || m.instrument), c.id, m.instrument,
         pg_temp.uuid7(s.starts_at - interval '1 hour', 'submission' || s.id || m.instrument), c.account_id, 'SELF', s.id,
         a.answers, a.total, false, 0,
         CASE WHEN a.total <= 4 THEN 'minimal' WHEN a.total <= 9 THEN 'mild' WHEN a.total <= 14 THEN 'moderate'
              WHEN a.total <= 19 AND m.instrument = 'PHQ9' THEN 'moderately severe' ELSE 'severe' END,
         false, s.starts_at - interval '1 hour', ((s.starts_at - interval '1 hour') AT TIME ZONE c.time_zone)::date
  FROM client c
  JOIN session_participant sp ON sp.practice_id = c.practice_id AND sp.client_id = c.id
  JOIN therapy_session s ON s.practice_id = sp.practice_id AND s.id = sp.session_id AND s.status = 'HELD'
  CROSS JOIN LATERAL (SELECT count(*) AS week FROM therapy_session s2 JOIN session_participant sp2
      ON sp2.practice_id = s2.practice_id AND sp2.session_id = s2.id
      WHERE sp2.client_id = c.id AND s2.status = 'HELD' AND s2.starts_at < s.starts_at) w
  CROSS JOIN (VALUES ('PHQ9', 9), ('GAD7', 7)) AS m(instrument, items)
  CROSS JOIN LATERAL (
      SELECT array_agg(CASE WHEN i > m.items THEN 1
                            WHEN m.instrument = 'PHQ9' AND i = 9 THEN 0
                            ELSE least(3, greatest(0, 1 - w.week::int / 2 + (i + abs(hashtext(c.id::text))) % 3)) END
                       ORDER BY i) AS answers
      FROM generate_series(1, m.items + 1) i) q
  CROSS JOIN LATERAL (SELECT sum(x)::int AS total, q.answers FROM unnest(q.answers[1:m.items]) x) a
  WHERE c.practice_id = tmpl;

  -- Who the demo rows belong to. Clinicians: accounts that are not a client's.
  SELECT array_agg(id) INTO kset FROM account a WHERE a.practice_id = tmpl
      AND NOT EXISTS (SELECT 1 FROM client c WHERE c.practice_id = tmpl AND c.account_id = a.id);
  CREATE TEMP TABLE tc AS SELECT id, row_number() OVER (ORDER BY created_at, id)::int - 1 AS n
      FROM client WHERE practice_id = tmpl;
  ntc := (SELECT count(*) FROM tc);
  CREATE TEMP TABLE own (id uuid PRIMARY KEY, n int NOT NULL);
  INSERT INTO own SELECT id, n FROM tc;
  INSERT INTO own SELECT c.account_id, tc.n FROM client c JOIN tc ON tc.id = c.id ON CONFLICT DO NOTHING;
  INSERT INTO own SELECT sp.session_id, tc.n FROM session_participant sp JOIN tc ON tc.id = sp.client_id
      WHERE sp.practice_id = tmpl ON CONFLICT DO NOTHING;
  -- rows with a client_id, then rows reached through an id of such a row (two passes reach every depth used)
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
  -- ids of practice-wide rows (worksheet versions, custom measures, …): one copy per practice
  FOR t IN SELECT c.table_name FROM information_schema.columns c
           WHERE c.table_schema = 'public' AND c.column_name = 'id' AND c.udt_name = 'uuid' AND c.table_name NOT LIKE 'audit%'
             AND c.table_name <> 'practice'
             AND c.table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'practice_id')
  LOOP
    EXECUTE format('SELECT $2 || coalesce(array_agg(x.id), ''{}'') FROM %I x WHERE x.practice_id = $1
                    AND NOT EXISTS (SELECT 1 FROM own WHERE own.id = x.id) AND x.id <> ALL ($3)', t.table_name)
      INTO qset USING tmpl, qset, kset;
  END LOOP;

  -- The copies: g(p, k, c, n) — practice p, clinician copy k, client copy c of demo client n.
  CREATE TEMP TABLE gen_c AS
    SELECT p, (c / ntc) % 5 AS k, c, c % ntc AS n FROM generate_series(1, practices) p, generate_series(0, per_practice - 1) c;
  CREATE TEMP TABLE gen_k AS SELECT p, k, -1 AS c FROM generate_series(1, practices) p, generate_series(0, 4) k;
  CREATE TEMP TABLE gen_q AS SELECT p, 0 AS k, -1 AS c FROM generate_series(1, practices) p;

  FOR t IN SELECT DISTINCT c.table_name FROM information_schema.columns c JOIN information_schema.tables tb
             ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
           WHERE c.table_schema = 'public' AND (c.column_name = 'practice_id' OR c.table_name = 'practice')
             AND c.table_name NOT LIKE 'audit%'
           ORDER BY 1
  LOOP
    cols := ''; exprs := '';
    FOR col IN SELECT column_name, udt_name FROM information_schema.columns
               WHERE table_schema = 'public' AND table_name = t.table_name ORDER BY ordinal_position
    LOOP
      IF col.udt_name = 'uuid' THEN
        e := format('CASE WHEN x.%1$I IS NULL THEN NULL WHEN x.%1$I = %2$L THEN pg_temp.h(x.%1$I, g.p, -1, -1) '
                    'WHEN x.%1$I = ANY (%3$L::uuid[]) THEN pg_temp.h(x.%1$I, g.p, g.k, -1) '
                    'WHEN x.%1$I = ANY (%4$L::uuid[]) THEN pg_temp.h(x.%1$I, g.p, -1, -1) '
                    'ELSE pg_temp.h(x.%1$I, g.p, -1, g.c) END', col.column_name, tmpl, kset, qset);
      ELSIF t.table_name = 'account' AND col.column_name = 'email' THEN
        e := 'replace(x.email, ''@'', ''+p'' || g.p || CASE WHEN g.c >= 0 THEN ''c'' || g.c ELSE ''k'' || g.k END || ''@'')';
      ELSIF t.table_name IN ('account', 'client') AND col.column_name = 'display_name' THEN
        e := format('CASE WHEN g.c >= 0 THEN (%L::text[])[1 + (g.p * 7 + g.c) %% 40] || '' '' || (%L::text[])[1 + (g.p * 13 + g.c / 40) %% 40] '
                    'ELSE (%L::text[])[1 + (g.p * 3 + g.k * 11 + 5) %% 40] || '' '' || (%L::text[])[1 + (g.p * 17 + g.k * 7 + 3) %% 40] END',
                    first_names, last_names, first_names, last_names);
      ELSIF t.table_name = 'account' AND col.column_name = 'roles' THEN
        e := 'CASE WHEN g.k > 0 THEN array_remove(x.roles, ''ADMIN'') ELSE x.roles END';
      ELSIF t.table_name = 'practice' AND col.column_name = 'name' THEN
        e := 'x.name || '' '' || g.p';
      ELSIF t.table_name = 'practice' AND col.column_name = 'created_at' THEN
        e := 'x.created_at + g.p * interval ''1 second''';
      ELSE
        e := format('x.%I', col.column_name);
      END IF;
      cols := cols || CASE WHEN cols = '' THEN '' ELSE ', ' END || quote_ident(col.column_name);
      exprs := exprs || CASE WHEN exprs = '' THEN '' ELSE ', ' END || e;
    END LOOP;
    has_id := EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = t.table_name
                      AND column_name = 'id' AND udt_name = 'uuid');
    IF t.table_name = 'practice' THEN
      EXECUTE format('INSERT INTO practice (%s) SELECT %s FROM practice x CROSS JOIN gen_q g WHERE x.id = $1', cols, exprs)
        USING tmpl;
      CONTINUE;
    END IF;
    SELECT string_agg(format('(SELECT n FROM own WHERE id = x.%I)', column_name), ', ' ORDER BY ordinal_position) INTO owner_expr
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name = t.table_name
       AND udt_name = 'uuid' AND column_name <> 'practice_id';
    owner_expr := coalesce('coalesce(' || owner_expr || ')', 'NULL::int');
    -- a client copy's rows
    EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM (SELECT *, %s AS own_n FROM %I x WHERE x.practice_id = $1) x '
                   'JOIN gen_c g ON g.n = x.own_n', t.table_name, cols, exprs, owner_expr, t.table_name) USING tmpl;
    -- a clinician copy's account
    IF has_id THEN
      EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM (SELECT *, %s AS own_n FROM %I x WHERE x.practice_id = $1) x '
                     'CROSS JOIN gen_k g WHERE x.own_n IS NULL AND x.id = ANY ($2)', t.table_name, cols, exprs, owner_expr,
                     t.table_name) USING tmpl, kset;
    END IF;
    -- practice-wide rows
    EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM (SELECT *, %s AS own_n FROM %I x WHERE x.practice_id = $1) x '
                   'CROSS JOIN gen_q g WHERE x.own_n IS NULL %s', t.table_name, cols, exprs, owner_expr, t.table_name,
                   CASE WHEN has_id THEN 'AND x.id <> ALL ($2)' ELSE '' END) USING tmpl, kset;
  END LOOP;
END
$gen$;
RESET session_replication_role;
ANALYZE;
