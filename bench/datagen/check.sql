-- After generating: every foreign key holds (the load ran without trigger checks) and every row is
-- fenced to an existing practice. Fails (psql exit 3) naming the first broken reference.
\set ON_ERROR_STOP on
DO $check$
DECLARE
  fk record;
  broken bigint;
  checked int := 0;
BEGIN
  FOR fk IN
    SELECT c.conname, c.conrelid::regclass AS child, c.confrelid::regclass AS parent,
           (SELECT string_agg(format('x.%I', a.attname), ', ' ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS child_cols,
           (SELECT string_agg(format('y.%I = x.%I', pa.attname, ca.attname), ' AND ' ORDER BY k.i)
              FROM unnest(c.conkey, c.confkey) WITH ORDINALITY k(cn, pn, i)
              JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.cn
              JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = k.pn) AS matching,
           (SELECT string_agg(format('x.%I IS NOT NULL', a.attname), ' AND ') FROM unnest(c.conkey) k(n)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS present
    FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace
    WHERE c.contype = 'f' AND s.nspname = 'public'
  LOOP
    EXECUTE format('SELECT count(*) FROM %s x WHERE %s AND NOT EXISTS (SELECT 1 FROM %s y WHERE %s)',
                   fk.child, fk.present, fk.parent, fk.matching) INTO broken;
    IF broken > 0 THEN
      RAISE EXCEPTION '% rows of % break % (to %)', broken, fk.child, fk.conname, fk.parent;
    END IF;
    checked := checked + 1;
  END LOOP;
  RAISE NOTICE 'references intact: % foreign keys checked', checked;
END
$check$;
SELECT count(*) AS practices, (SELECT count(*) FROM client) AS clients, (SELECT count(*) FROM account) AS accounts,
       (SELECT count(*) FROM therapy_session) AS sessions, (SELECT count(*) FROM assignment) AS assignments,
       (SELECT count(*) FROM practice_entry) AS entries, (SELECT count(*) FROM measure_administration) AS measures,
       (SELECT count(*) FROM goal) AS goals, (SELECT count(*) FROM homework_review) AS reviews,
       pg_size_pretty(pg_database_size(current_database())) AS size
FROM practice;
