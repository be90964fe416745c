import {
  budgetLineStream,
  institutionStream,
  lineIdOf,
  parseBudgetStream,
  parseLineId,
  programmeCodeOf,
  programmeStream,
} from './streams.js';

describe('stream names', () => {
  it('names the streams of docs/budget.md', () => {
    expect(institutionStream('970240000126')).toBe('institution-970240000126');
    expect(programmeStream(programmeCodeOf('253', '001', '000'))).toBe('programme-253001000');
    expect(lineIdOf('970240000126', '253001000', 2026)).toBe('970240000126-253001000-2026');
    expect(budgetLineStream('970240000126-253001000-2026')).toBe('budgetline-970240000126-253001000-2026');
  });

  it('fits the event store stream-name alphabet', () => {
    const storePattern = /^[A-Za-z][A-Za-z0-9_]{0,63}-[A-Za-z0-9_.:@+-]{1,190}$/;
    expect(budgetLineStream(lineIdOf('970240000126', '253001000', 2026))).toMatch(storePattern);
  });

  it('parses a line id back', () => {
    expect(parseLineId('970240000126-253001000-2026')).toEqual({
      bin: '970240000126',
      programmeCode: '253001000',
      fiscalYear: 2026,
    });
    expect(parseLineId('970240000126-25300100-2026')).toBeUndefined();
    expect(parseLineId('970240000126-253001000-26')).toBeUndefined();
  });

  it('tells which aggregate a stream belongs to', () => {
    expect(parseBudgetStream('institution-970240000126')).toEqual({ kind: 'institution', bin: '970240000126' });
    expect(parseBudgetStream('programme-253001000')).toEqual({ kind: 'programme', code: '253001000' });
    expect(parseBudgetStream('budgetline-970240000126-253001000-2026')).toEqual({
      kind: 'budget-line',
      lineId: '970240000126-253001000-2026',
      bin: '970240000126',
      programmeCode: '253001000',
      fiscalYear: 2026,
    });
    expect(parseBudgetStream('office-spec')).toBeUndefined();
    expect(parseBudgetStream('budgetline-nonsense')).toBeUndefined();
    expect(parseBudgetStream('institution')).toBeUndefined();
  });
});
