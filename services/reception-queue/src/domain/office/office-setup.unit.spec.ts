import { NOW, OFFICE_ID, SETUP } from '../testing/fixtures.js';
import { specFor } from '../testing/given-when-then.js';
import { DEFAULT_QUEUE_POLICY } from '../queue/priority.js';
import { officeSetupDecider } from './office-setup.decider.js';
import type { ConfigureOffice, OfficeSetupEvent } from './office-setup.js';

const { given } = specFor(officeSetupDecider);

const input = {
  services: SETUP.services.map(({ expectedMinutes: _default, ...s }, i) =>
    i === 0 ? s : { ...s, expectedMinutes: 15 },
  ),
  desks: SETUP.desks,
  hours: SETUP.hours,
};
const configure = (overrides: Record<string, unknown> = {}): ConfigureOffice => ({
  type: 'ConfigureOffice',
  data: { officeId: OFFICE_ID, ...input, now: NOW, ...overrides },
});
const configured: OfficeSetupEvent = {
  type: 'OfficeConfigured',
  data: { officeId: OFFICE_ID, ...SETUP, configuredAt: NOW },
};

describe('OfficeSetup', () => {
  it('configures an office: default policy, 10 expected minutes, appointments to the first service', () => {
    const state = given([]).when(configure()).then([configured]);
    expect(state.setup?.policy).toEqual(DEFAULT_QUEUE_POLICY);
    expect(state.setup?.appointmentServiceId).toBe('documents');
  });

  it('changes nothing when the same setup comes again (a retried PUT)', () => {
    given([configured])
      .when(configure({ now: '2026-04-06T11:00:00+05:00' }))
      .then([]);
  });

  it('replaces the setup as a whole', () => {
    const state = given([configured])
      .when(
        configure({
          hours: { open: '08:00', close: '24:00' },
          policy: { noShowAfterRecalls: 3 },
          appointmentServiceId: 'social',
        }),
      )
      .then([
        {
          type: 'OfficeConfigured',
          data: {
            ...(configured.data as object),
            hours: { open: '08:00', close: '24:00' },
            policy: { ...DEFAULT_QUEUE_POLICY, noShowAfterRecalls: 3, levels: { ...DEFAULT_QUEUE_POLICY.levels } },
            appointmentServiceId: 'social',
          },
        } as OfficeSetupEvent,
      ]);
    expect(state.setup?.hours.close).toBe('24:00');
  });

  it('takes random assignment of tickets to desks as a policy option', () => {
    const state = given([configured])
      .when(configure({ policy: { assignment: 'random' } }))
      .then([
        {
          type: 'OfficeConfigured',
          data: { ...(configured.data as object), policy: { ...DEFAULT_QUEUE_POLICY, assignment: 'random' } },
        } as OfficeSetupEvent,
      ]);
    expect(state.setup?.policy.assignment).toBe('random');
  });

  it('reads a setup recorded before the assignment option as desk calls (and a retried PUT changes nothing)', () => {
    const { assignment: _none, ...oldPolicy } = DEFAULT_QUEUE_POLICY;
    const old = { ...configured, data: { ...(configured.data as object), policy: oldPolicy } } as OfficeSetupEvent;
    const state = given([old]).when(configure()).then([]);
    expect(state.setup?.policy.assignment).toBe('desk-calls');
  });

  it.each([
    [{ services: [] }, 'LIST_EMPTY', 'services'],
    [{ services: 'A' }, 'LIST_EMPTY', 'services'],
    [{ services: undefined }, 'FIELD_REQUIRED', 'services'],
    [{ services: [{ ...input.services[0], prefix: 'a' }] }, 'INVALID_PREFIX', 'services[0].prefix'],
    [{ services: [{ ...input.services[0], prefix: 'ABC' }] }, 'INVALID_PREFIX', 'services[0].prefix'],
    [{ services: [{ ...input.services[0], prefix: '' }] }, 'FIELD_REQUIRED', 'services[0].prefix'],
    [
      { services: [input.services[0], { ...input.services[1], prefix: 'A' }] },
      'DUPLICATE_PREFIX',
      'services[1].prefix',
    ],
    [
      { services: [input.services[0], { ...input.services[1], serviceId: 'documents' }] },
      'DUPLICATE_ID',
      'services[1].serviceId',
    ],
    [
      { services: [{ ...input.services[0], name: { kk: 'Құжат', ru: 'Документы' } }] },
      'FIELD_REQUIRED',
      'services[0].name.en',
    ],
    [{ services: [{ ...input.services[0], expectedMinutes: 0 }] }, 'INVALID_NUMBER', 'services[0].expectedMinutes'],
    [{ desks: [{ deskId: 'd1', name: '1', serviceIds: ['passports'] }] }, 'SERVICE_UNKNOWN', 'desks[0].serviceIds[0]'],
    [{ desks: [{ deskId: 'd1', name: '1', serviceIds: [] }] }, 'LIST_EMPTY', 'desks[0].serviceIds'],
    [
      { desks: [{ deskId: 'd1', name: '1', serviceIds: ['social', 'social'] }] },
      'DUPLICATE_ID',
      'desks[0].serviceIds[1]',
    ],
    [{ desks: [SETUP.desks[0], SETUP.desks[0]] }, 'DUPLICATE_ID', 'desks[1].deskId'],
    [{ desks: [{ deskId: 'd:1', name: '1', serviceIds: ['social'] }] }, 'INVALID_ID', 'desks[0].deskId'],
    [{ desks: [{ deskId: 'd1', name: ' ', serviceIds: ['social'] }] }, 'FIELD_REQUIRED', 'desks[0].name'],
    [{ hours: { open: '18:00', close: '09:00' } }, 'CLOSE_BEFORE_OPEN', 'hours.close'],
    [{ hours: { open: '9:00', close: '18:00' } }, 'INVALID_TIME', 'hours.open'],
    [{ hours: undefined }, 'FIELD_REQUIRED', 'hours'],
    [{ policy: { levels: { vip: 0 } } }, 'INVALID_CHOICE', 'policy.levels.vip'],
    [{ policy: { levels: { standard: 10 } } }, 'INVALID_NUMBER', 'policy.levels.standard'],
    [{ policy: { noShowAfterRecalls: -1 } }, 'INVALID_NUMBER', 'policy.noShowAfterRecalls'],
    [{ policy: { parkMinutes: 1.5 } }, 'INVALID_NUMBER', 'policy.parkMinutes'],
    [{ policy: { assignment: 'lottery' } }, 'INVALID_CHOICE', 'policy.assignment'],
    [{ appointmentServiceId: 'passports' }, 'SERVICE_UNKNOWN', 'appointmentServiceId'],
    [{ now: 'yesterday' }, 'INVALID_INSTANT', 'now'],
  ])('refuses %j with %s naming %s', (overrides, code, field) => {
    given([])
      .when(configure(overrides))
      .then({ code: code as never, field });
  });

  it('refuses more desks than an office can have', () => {
    const desks = Array.from({ length: 201 }, (_, i) => ({ deskId: `d${i}`, name: `${i}`, serviceIds: ['documents'] }));
    given([]).when(configure({ desks })).then({ code: 'LIST_TOO_LONG', field: 'desks' });
  });
});
