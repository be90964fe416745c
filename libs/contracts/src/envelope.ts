/**
 * The integration-event envelope: CloudEvents 1.0 attribute names (structured mode), plus
 * `dataversion` (the contract version of `data`) and `traceparent` (W3C trace context).
 * Integration events are public contracts: they never carry personal data in clear text.
 */
export interface IntegrationEnvelope<Data = unknown, Type extends string = string> {
  specversion: '1.0';
  /** The id of the store event it was made from: consumers deduplicate on it. */
  id: string;
  /** The producing service, e.g. `/adal-office/appointments`. */
  source: string;
  /** `<service>.<EventName>`, e.g. `appointments.BookingConfirmed`. */
  type: Type;
  /** The aggregate id; also the Kafka key, so each aggregate stays ordered. */
  subject: string;
  /** ISO 8601 instant the source event was recorded. */
  time: string;
  datacontenttype: 'application/json';
  dataversion: number;
  data: Data;
  traceparent?: string;
}

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

const REQUIRED = ['id', 'source', 'type', 'subject', 'time'] as const;

/** Checks the envelope attributes (not the data: that is the contract's job). */
export const envelopeProblems = (value: unknown): string[] => {
  if (value === null || typeof value !== 'object') return ['envelope: must be a JSON object'];
  const e = value as Record<string, unknown>;
  const problems: string[] = [];
  if (e['specversion'] !== '1.0') problems.push('specversion: must be "1.0"');
  for (const key of REQUIRED) {
    if (typeof e[key] !== 'string' || (e[key] as string).length === 0) problems.push(`${key}: must be a non-empty string`);
  }
  if (typeof e['time'] === 'string' && Number.isNaN(Date.parse(e['time']))) problems.push('time: must be ISO 8601');
  if (!Number.isInteger(e['dataversion']) || (e['dataversion'] as number) < 1) {
    problems.push('dataversion: must be an integer >= 1');
  }
  if (!('data' in e)) problems.push('data: missing');
  return problems;
};
