/**
 * The PostgreSQL message log's schema, as ordered migrations. `{s}` is the quoted schema.
 *
 * Offsets are handed out per topic in commit order: `publish` takes a transaction-scoped
 * advisory lock for the topic before it reads the topic's last offset, and holds it until
 * commit. So a consumer reading `offset >= next` can never pass an offset that a slower
 * transaction commits later (the same trick as the event store's global position).
 */
export interface LogMigration {
  version: number;
  name: string;
  sql: (schema: string, channel: string, lockNamespace: number) => string;
}

export const logMigrations: readonly LogMigration[] = [
  {
    version: 1,
    name: 'messages, consumer offsets and publish()',
    sql: (s, channel, lockNamespace) => `
CREATE TABLE IF NOT EXISTS ${s}.messages (
  topic        text        NOT NULL,
  "offset"     bigint      NOT NULL,
  key          text,
  headers      jsonb       NOT NULL DEFAULT '{}'::jsonb,
  value        text,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (topic, "offset")
);

CREATE TABLE IF NOT EXISTS ${s}.consumer_offsets (
  group_id    text        NOT NULL,
  topic       text        NOT NULL,
  next_offset bigint      NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, topic)
);

-- Appends messages to one topic; returns the offset of the last one.
CREATE OR REPLACE FUNCTION ${s}.publish(p_topic text, p_keys text[], p_headers jsonb[], p_values text[])
RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE
  v_last bigint;
BEGIN
  -- Serialises offset allocation per topic until commit: offsets follow commit order.
  PERFORM pg_advisory_xact_lock(${lockNamespace}, hashtext(p_topic));
  SELECT coalesce(max("offset"), -1) INTO v_last FROM ${s}.messages WHERE topic = p_topic;
  INSERT INTO ${s}.messages (topic, "offset", key, headers, value)
  SELECT p_topic, v_last + m.ord, m.k, coalesce(m.h, '{}'::jsonb), m.v
    FROM unnest(p_keys, p_headers, p_values) WITH ORDINALITY AS m(k, h, v, ord);
  -- Delivered at commit; wakes consumers of this topic without waiting for their poll.
  PERFORM pg_notify('${channel}', p_topic);
  RETURN v_last + coalesce(array_length(p_values, 1), 0);
END
$fn$;
`,
  },
];
