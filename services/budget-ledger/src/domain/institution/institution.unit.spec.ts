import { BIN, INSTITUTION } from '../testing/fixtures.js';
import { specFor } from '../testing/given-when-then.js';
import { institutionDecider, type CorrectInstitutionName, type RegisterInstitution } from './institution.decider.js';
import type { InstitutionEvent } from './institution.events.js';

const { given } = specFor(institutionDecider);

const register = (overrides: Record<string, unknown> = {}): RegisterInstitution => ({
  type: 'RegisterInstitution',
  data: { ...INSTITUTION, ...overrides } as RegisterInstitution['data'],
});
const registered: InstitutionEvent = { type: 'InstitutionRegistered', data: INSTITUTION };

const NEW_NAME = {
  kk: 'Алматы қаласының Білім басқармасы ММ',
  ru: 'ГУ «Управление образования города Алматы»',
  en: 'Education Department of Almaty (state institution)',
};
const correct = (name: unknown = NEW_NAME, bin: unknown = BIN): CorrectInstitutionName => ({
  type: 'CorrectInstitutionName',
  data: { bin, name } as CorrectInstitutionName['data'],
});
const corrected: InstitutionEvent = { type: 'InstitutionNameCorrected', data: { bin: BIN, name: NEW_NAME } };

describe('Institution', () => {
  describe('RegisterInstitution', () => {
    it('registers a state institution', () => {
      const state = given([]).when(register()).then([registered]);
      expect(state.institution).toEqual(INSTITUTION);
    });

    it('trims the names it records', () => {
      given([])
        .when(register({ name: { kk: ' Мекеме ', ru: 'Учреждение ', en: ' Institution' } }))
        .then([
          {
            type: 'InstitutionRegistered',
            data: { ...INSTITUTION, name: { kk: 'Мекеме', ru: 'Учреждение', en: 'Institution' } },
          },
        ]);
    });

    it('changes nothing when the same data comes again (an import repeats it on every row)', () => {
      given([registered]).when(register()).then([]);
    });

    it('takes the corrected names as the same data', () => {
      given([registered, corrected])
        .when(register({ name: NEW_NAME }))
        .then([]);
    });

    it.each([
      ['regionId', { regionId: 'KZ-71' }],
      ['level', { level: 'district' }],
      ['name', { name: NEW_NAME }],
    ])('refuses other data for a registered BIN, naming %s', (field, overrides) => {
      given([registered]).when(register(overrides)).then({ code: 'INSTITUTION_EXISTS', field });
    });

    it.each([
      [{ bin: '970240000123' }, 'INVALID_BIN', 'bin'],
      [{ bin: '850615310007' }, 'BIN_IS_PERSONAL_IIN', 'bin'],
      [{ name: { ...INSTITUTION.name, en: '=HYPERLINK("x")' } }, 'TEXT_FORMULA_START', 'name.en'],
      [{ bin: '' }, 'FIELD_REQUIRED', 'bin'],
      [{ regionId: 'KZ-00' }, 'INVALID_REGION', 'regionId'],
      [{ regionId: undefined }, 'FIELD_REQUIRED', 'regionId'],
      [{ level: 'federal' }, 'INVALID_CHOICE', 'level'],
      [{ name: undefined }, 'FIELD_REQUIRED', 'name'],
      [{ name: { kk: 'Мекеме', ru: 'Учреждение' } }, 'FIELD_REQUIRED', 'name.en'],
      [{ name: { ...INSTITUTION.name, ru: 'я'.repeat(301) } }, 'TEXT_TOO_LONG', 'name.ru'],
    ])('refuses %j with %s naming %s', (overrides, code, field) => {
      given([])
        .when(register(overrides))
        .then({ code: code as never, field });
    });

    it('accepts names of exactly 300 characters', () => {
      const name = { kk: 'қ'.repeat(300), ru: 'я'.repeat(300), en: 'e'.repeat(300) };
      given([])
        .when(register({ name }))
        .then([{ type: 'InstitutionRegistered', data: { ...INSTITUTION, name } }]);
    });
  });

  describe('CorrectInstitutionName', () => {
    it('corrects the names; region and level stay', () => {
      const state = given([registered]).when(correct()).then([corrected]);
      expect(state.institution).toEqual({ ...INSTITUTION, name: NEW_NAME });
    });

    it('changes nothing when the names are already these', () => {
      given([registered, corrected]).when(correct()).then([]);
    });

    it('refuses to correct an institution that is not registered', () => {
      given([]).when(correct()).then({ code: 'INSTITUTION_NOT_FOUND', field: 'bin' });
    });

    it.each([
      [correct({ kk: '', ru: 'Учреждение', en: 'Institution' }), 'FIELD_REQUIRED', 'name.kk'],
      [correct(NEW_NAME, '12345'), 'INVALID_BIN', 'bin'],
    ])('refuses bad input (%#): %s naming %s', (command, code, field) => {
      given([registered])
        .when(command)
        .then({ code: code as never, field });
    });
  });

  it('ignores an event type from a newer version', () => {
    const state = institutionDecider.evolve({}, { type: 'InstitutionMerged', data: {} } as never);
    expect(state).toEqual({});
  });
});
