/**
 * The PostgreSQL store's schema, as ordered migrations. Each store lives in its own schema
 * (one per service), so `{s}` is replaced by the quoted schema name.
 *
 * Why a single `append_batch` function: a group of appends from many callers is decided and
 * written in one statement, one round trip and one commit (see docs/architecture.md, ADR-2).
 * Why the advisory lock: global positions are handed out in commit order, so a subscriber
 * that reads `global_position > checkpoint` can never miss an event committed later with a
 * lower position (ADR-1).
 */
export interface Migration {
  version: number;
  name: string;
  sql: (schema: string, lockKey: string) => string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'events table and append_batch',
    sql: (s, lockKey) => `
CREATE TABLE IF NOT EXISTS ${s}.events (
  global_position bigint PRIMARY KEY,
  stream_name     text        NOT NULL,
  category        text        NOT NULL,
  stream_revision bigint      NOT NULL,
  event_id        uuid        NOT NULL UNIQUE,
  event_type      text        NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (stream_name, stream_revision)
);
CREATE INDEX IF NOT EXISTS events_category_position ON ${s}.events (category, global_position);
CREATE INDEX IF NOT EXISTS events_type_position ON ${s}.events (event_type, global_position);

-- p_batch: [{"s": stream, "c": category, "e": expected, "ev": [{"id","t","d","m"}]}]
-- returns one result per append, in order: {"ok":true,"rev":n,"pos":n} or {"ok":false,"error":..}
CREATE OR REPLACE FUNCTION ${s}.append_batch(p_batch jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $fn$
DECLARE
  a          jsonb;
  results    jsonb := '[]'::jsonb;
  v_stream   text;
  v_expected text;
  v_current  bigint;
  v_count    int;
  v_found    int;
  v_other    int;
  v_rev      bigint;
  v_pos      bigint;
  v_last     bigint;
  v_appended boolean := false;
  v_ids      uuid[];
  v_all_ids  uuid[];
  v_streams  int;
BEGIN
  -- Serialises position allocation: positions follow commit order (ADR-1).
  PERFORM pg_advisory_xact_lock(${lockKey});
  SELECT coalesce(max(global_position), 0) INTO v_last FROM ${s}.events;

  -- Fast path, set-based: distinct streams, fresh event ids (the common case under load).
  SELECT array_agg((ev.value->>'id')::uuid), count(DISTINCT ap.value->>'s')
    INTO v_all_ids, v_streams
    FROM jsonb_array_elements(p_batch) ap, jsonb_array_elements(ap.value->'ev') ev;
  IF v_streams = jsonb_array_length(p_batch)
     AND cardinality(v_all_ids) = (SELECT count(DISTINCT x) FROM unnest(v_all_ids) x)
     AND NOT EXISTS (SELECT 1 FROM ${s}.events WHERE event_id = ANY (v_all_ids))
  THEN
    WITH appends AS (
      SELECT t.ord AS a_ord, t.value->>'s' AS s, t.value->>'c' AS c, t.value->>'e' AS e, t.value->'ev' AS ev,
             jsonb_array_length(t.value->'ev') AS n,
             (SELECT max(x.stream_revision) FROM ${s}.events x WHERE x.stream_name = t.value->>'s') AS rev
        FROM jsonb_array_elements(p_batch) WITH ORDINALITY AS t(value, ord)
    ), decided AS (
      SELECT ap.*, CASE ap.e
                     WHEN 'any' THEN true
                     WHEN 'no_stream' THEN ap.rev IS NULL
                     WHEN 'stream_exists' THEN ap.rev IS NOT NULL
                     ELSE ap.rev IS NOT DISTINCT FROM ap.e::bigint
                   END AS ok
        FROM appends ap
    ), placed AS (
      SELECT d.a_ord, sum(d.n) OVER (ORDER BY d.a_ord) - d.n AS before FROM decided d WHERE d.ok
    ), ins AS (
      INSERT INTO ${s}.events
        (global_position, stream_name, category, stream_revision, event_id, event_type, data, metadata)
      SELECT v_last + p.before + x.ord, d.s, d.c, coalesce(d.rev, -1) + x.ord,
             (x.value->>'id')::uuid, x.value->>'t', x.value->'d', x.value->'m'
        FROM decided d JOIN placed p USING (a_ord), jsonb_array_elements(d.ev) WITH ORDINALITY AS x(value, ord)
      RETURNING global_position
    )
    SELECT jsonb_agg(CASE WHEN d.ok
                      THEN jsonb_build_object('ok', true, 'rev', coalesce(d.rev, -1) + d.n, 'pos', v_last + p.before + d.n)
                      ELSE jsonb_build_object('ok', false, 'error', 'wrong_expected_version', 'actual', d.rev)
                    END ORDER BY d.a_ord),
           (SELECT max(global_position) FROM ins)
      INTO results, v_pos
      FROM decided d LEFT JOIN placed p USING (a_ord);
    IF v_pos IS NOT NULL THEN
      PERFORM pg_notify('${s.replace(/"/g, '')}_events', v_pos::text);
    END IF;
    RETURN results;
  END IF;

  -- General path, one append at a time: repeated streams or replayed event ids in one batch.

  FOR a IN SELECT value FROM jsonb_array_elements(p_batch) LOOP
    v_stream   := a->>'s';
    v_expected := a->>'e';
    v_count    := jsonb_array_length(a->'ev');
    v_ids      := ARRAY(SELECT (x->>'id')::uuid FROM jsonb_array_elements(a->'ev') x);

    -- Idempotency: the same event ids again give back the original result.
    SELECT count(*), count(*) FILTER (WHERE e.stream_name <> v_stream),
           max(e.stream_revision), max(e.global_position)
      INTO v_found, v_other, v_rev, v_pos
      FROM ${s}.events e
     WHERE e.event_id = ANY (v_ids);
    IF v_found > 0 THEN
      IF v_found = v_count AND v_other = 0 THEN
        results := results || jsonb_build_array(jsonb_build_object('ok', true, 'rev', v_rev, 'pos', v_pos));
      ELSE
        results := results || jsonb_build_array(jsonb_build_object('ok', false, 'error', 'duplicate_event_id'));
      END IF;
      CONTINUE;
    END IF;

    SELECT max(stream_revision) INTO v_current FROM ${s}.events WHERE stream_name = v_stream;
    IF (v_expected = 'no_stream' AND v_current IS NOT NULL)
       OR (v_expected = 'stream_exists' AND v_current IS NULL)
       OR (v_expected NOT IN ('any', 'no_stream', 'stream_exists') AND v_current IS DISTINCT FROM v_expected::bigint)
    THEN
      results := results || jsonb_build_array(
        jsonb_build_object('ok', false, 'error', 'wrong_expected_version', 'actual', v_current));
      CONTINUE;
    END IF;

    INSERT INTO ${s}.events
      (global_position, stream_name, category, stream_revision, event_id, event_type, data, metadata)
    SELECT v_last + x.ord, v_stream, a->>'c', coalesce(v_current, -1) + x.ord,
           (x.value->>'id')::uuid, x.value->>'t', x.value->'d', x.value->'m'
      FROM jsonb_array_elements(a->'ev') WITH ORDINALITY AS x(value, ord);

    v_last     := v_last + v_count;
    v_current  := coalesce(v_current, -1) + v_count;
    v_appended := true;
    results := results || jsonb_build_array(jsonb_build_object('ok', true, 'rev', v_current, 'pos', v_last));
  END LOOP;

  IF v_appended THEN
    -- Delivered at commit; wakes live subscribers without polling.
    PERFORM pg_notify('${s.replace(/"/g, '')}_events', v_last::text);
  END IF;
  RETURN results;
END
$fn$;
`,
  },
];
