import { PROGRAMME } from '../testing/fixtures.js';
import { specFor } from '../testing/given-when-then.js';
import { programmeDecider, type RegisterProgramme } from './programme.decider.js';
import type { ProgrammeEvent } from './programme.events.js';

const { given } = specFor(programmeDecider);

const { code: _derived, ...input } = PROGRAMME;
const register = (overrides: Record<string, unknown> = {}): RegisterProgramme => ({
  type: 'RegisterProgramme',
  data: { ...input, ...overrides } as RegisterProgramme['data'],
});
const registered: ProgrammeEvent = { type: 'ProgrammeRegistered', data: PROGRAMME };

describe('Programme', () => {
  it('registers a programme with its 9-digit code', () => {
    const state = given([]).when(register()).then([registered]);
    expect(state.programme?.code).toBe('253001000');
  });

  it('changes nothing when the same data comes again', () => {
    given([registered]).when(register()).then([]);
  });

  it.each([
    ['functionalGroup', { functionalGroup: '05' }],
    ['name', { name: { ...PROGRAMME.name, en: 'Another name' } }],
  ])('refuses other data for a registered code, naming %s', (field, overrides) => {
    given([registered]).when(register(overrides)).then({ code: 'PROGRAMME_EXISTS', field });
  });

  it.each([
    [{ administrator: '25' }, 'INVALID_CODE', 'administrator'],
    [{ programme: 'O01' }, 'INVALID_CODE', 'programme'],
    [{ subprogramme: 0 }, 'INVALID_CODE', 'subprogramme'],
    [{ subprogramme: undefined }, 'FIELD_REQUIRED', 'subprogramme'],
    [{ functionalGroup: '14' }, 'INVALID_FUNCTIONAL_GROUP', 'functionalGroup'],
    [{ functionalGroup: '4' }, 'INVALID_FUNCTIONAL_GROUP', 'functionalGroup'],
    [{ name: { ...PROGRAMME.name, kk: '  ' } }, 'FIELD_REQUIRED', 'name.kk'],
    [{ name: { ...PROGRAMME.name, ru: '@SUM(A1)' } }, 'TEXT_FORMULA_START', 'name.ru'],
  ])('refuses %j with %s naming %s', (overrides, code, field) => {
    given([])
      .when(register(overrides))
      .then({ code: code as never, field });
  });
});
