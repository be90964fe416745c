import { deterministicUuid, registrationEventIds, transactionEventIds } from './event-ids.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[78][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deterministic event ids', () => {
  it('are UUIDs named by their input: the same name gives the same id, another name another id', () => {
    const a = deterministicUuid('budgetline-970240000123-253001000-2026\nT-1\n0');
    expect(a).toMatch(UUID);
    expect(a[14]).toBe('8');
    expect(deterministicUuid('budgetline-970240000123-253001000-2026\nT-1\n0')).toBe(a);
    expect(deterministicUuid('budgetline-970240000123-253001000-2026\nT-1\n1')).not.toBe(a);
  });

  it('carry the transaction day as a version 7 time, so ids of one day sort together', () => {
    const ids = transactionEventIds('budgetline-970240000123-253001000-2026', 'T-1', '2026-02-14')(2);
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      expect(id).toMatch(UUID);
      expect(id[14]).toBe('7');
      const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
      expect(new Date(ms).toISOString()).toBe('2026-02-13T19:00:00.000Z'); // midnight in Almaty
    }
    expect(new Set(ids).size).toBe(2);
    const later = transactionEventIds('budgetline-970240000123-253001000-2026', 'T-2', '2026-03-01')(1)[0]!;
    expect(later > ids[0]!).toBe(true);
    // Another line, same transaction id: other ids (event ids are unique in the whole store).
    expect(transactionEventIds('budgetline-970240000123-253002000-2026', 'T-1', '2026-02-14')(2)).not.toEqual(ids);
    // No date (bad input refused later by the decider): still a valid UUID.
    expect(transactionEventIds('budgetline-x', 'T-1', 'not a date')(1)[0]).toMatch(UUID);
  });

  it('name a registration by its data: the same data is a replay, other data a conflict', () => {
    const data = { bin: '970240000123', name: { kk: 'а', ru: 'б', en: 'c' }, regionId: 'KZ-75', level: 'district' };
    const ids = registrationEventIds('institution-970240000123', data)(1);
    expect(registrationEventIds('institution-970240000123', { ...data })(1)).toEqual(ids);
    expect(registrationEventIds('institution-970240000123', { ...data, level: 'rural' })(1)).not.toEqual(ids);
  });
});
