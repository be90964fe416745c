import { InvalidAppendError } from './errors.js';
import { prepareEvents, validateExpectedRevision, validateStreamName } from './validation.js';
import { uuidv7 } from './uuid.js';

describe('stream names', () => {
  it.each(['booking-0190a8e0-7c1b-7000-8000-000000000001', 'calendar-official42:2026-11-23', 'queue-office_7'])(
    'accepts %s',
    (name) => expect(validateStreamName(name)).toBe(name),
  );
  it.each(['', 'booking', '-1', 'booking-', 'booking-a b', '$all-1', '1abc-2', 'бронь-1'])('refuses %p', (name) => {
    expect(() => validateStreamName(name)).toThrow(InvalidAppendError);
  });
});

describe('expected revision', () => {
  it('defaults to any and accepts the named states and revisions', () => {
    expect(validateExpectedRevision(undefined)).toBe('any');
    expect(validateExpectedRevision('no_stream')).toBe('no_stream');
    expect(validateExpectedRevision(3n)).toBe(3n);
  });
  it.each([-1n, 2, 'latest', null])('refuses %p', (value) => {
    expect(() => validateExpectedRevision(value)).toThrow(/expectedRevision/);
  });
});

describe('prepareEvents', () => {
  it('serialises once, lower-cases ids and fills missing ids with UUID v7', () => {
    const [a, b] = prepareEvents([
      { id: '0190A8E0-7C1B-7000-8000-00000000000A', type: 'A', data: { x: 'Қ' } },
      { type: 'B', data: [1], metadata: { correlationId: 'c' } },
    ]);
    expect(a).toEqual({ id: '0190a8e0-7c1b-7000-8000-00000000000a', type: 'A', data: '{"x":"Қ"}', metadata: '{}' });
    expect(b!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(b!.metadata).toBe('{"correlationId":"c"}');
  });
  it('refuses the same id twice in one append', () => {
    const id = uuidv7();
    expect(() => prepareEvents([{ id, type: 'A', data: {} }, { id, type: 'B', data: {} }])).toThrow(/appears twice/);
  });
  it('refuses lone surrogates (not Unicode) but keeps real astral characters', () => {
    expect(() => prepareEvents([{ type: 'A', data: { purpose: 'x\ud800y' } }])).toThrow(/surrogate/);
    expect(() => prepareEvents([{ type: 'A', data: { ['\udc00']: 1 } }])).toThrow(/surrogate/);
    expect(prepareEvents([{ type: 'A', data: { emoji: '✓ 😀' } }])[0]!.data).toBe('{"emoji":"✓ 😀"}');
  });
  it('refuses NUL characters, which PostgreSQL jsonb cannot store', () => {
    expect(() => prepareEvents([{ type: 'A', data: { s: 'a\u0000b' } }])).toThrow(/NUL/);
  });
  it('measures the size limit in bytes, not characters', () => {
    const kazakh = 'Ә'.repeat(600); // 2 bytes each in UTF-8
    expect(() => prepareEvents([{ type: 'A', data: kazakh }], 1100)).toThrow(/over the 1100-byte limit/);
    expect(prepareEvents([{ type: 'A', data: kazakh }], 1300)).toHaveLength(1);
  });
});

describe('uuidv7', () => {
  it('puts the millisecond timestamp first so ids sort by creation time', () => {
    const early = uuidv7(Date.UTC(2026, 0, 1));
    const late = uuidv7(Date.UTC(2026, 0, 2));
    expect(early < late).toBe(true);
    expect(early.slice(0, 13).replace('-', '')).toBe(Date.UTC(2026, 0, 1).toString(16).padStart(12, '0'));
    expect(new Set(Array.from({ length: 1000 }, () => uuidv7(0))).size).toBe(1000);
  });
});
