import type { Decider } from '@adal/event-store';
import { minutesOfDay, sameJson, unknownCommand } from '@adal/domain-kit';
import { refuse } from '../shared/domain-error.js';
import {
  optionalId,
  optionalInteger,
  requireId,
  requireInstant,
  requireList,
  requireLocalizedText,
  requireObject,
  requireText,
  requireTime,
} from '../shared/validation.js';
import { validatePolicy, withPolicyDefaults } from '../queue/priority.js';
import type {
  ConfigureOffice,
  DeskDefinition,
  OfficeSetupCommand,
  OfficeSetupEvent,
  OfficeSetupState,
  QueueServiceDefinition,
  QueueSetup,
} from './office-setup.js';

export const MAX_SERVICES = 50;
export const MAX_DESKS = 200;
const PREFIX_PATTERN = /^[A-Z]{1,2}$/;
const DEFAULT_EXPECTED_MINUTES = 10;

export const initialOfficeSetupState = (): OfficeSetupState => ({});

const validateService = (value: unknown, at: string): QueueServiceDefinition => {
  const input = requireObject(value, at);
  const serviceId = requireId(input['serviceId'], `${at}.serviceId`);
  const prefix = input['prefix'];
  if (prefix === undefined || prefix === null || prefix === '') refuse('FIELD_REQUIRED', { field: `${at}.prefix` });
  if (typeof prefix !== 'string' || !PREFIX_PATTERN.test(prefix)) refuse('INVALID_PREFIX', { field: `${at}.prefix` });
  return {
    serviceId,
    prefix: prefix as string,
    name: requireLocalizedText(input['name'], `${at}.name`, 120),
    expectedMinutes:
      optionalInteger(input['expectedMinutes'], `${at}.expectedMinutes`, 1, 240) ?? DEFAULT_EXPECTED_MINUTES,
  };
};

const validateDesk = (value: unknown, at: string, serviceIds: ReadonlySet<string>): DeskDefinition => {
  const input = requireObject(value, at);
  const deskId = requireId(input['deskId'], `${at}.deskId`);
  const name = requireText(input['name'], `${at}.name`, 40);
  const served = requireList(input['serviceIds'], `${at}.serviceIds`, MAX_SERVICES).map((id, j) => {
    const serviceId = requireId(id, `${at}.serviceIds[${j}]`);
    if (!serviceIds.has(serviceId)) refuse('SERVICE_UNKNOWN', { field: `${at}.serviceIds[${j}]` });
    return serviceId;
  });
  served.forEach((id, j) => {
    if (served.indexOf(id) !== j) refuse('DUPLICATE_ID', { field: `${at}.serviceIds[${j}]` });
  });
  return { deskId, name, serviceIds: served };
};

/**
 * A complete, checked setup from JSON input (missing policy parts take the defaults). Every
 * refusal names the field as a JSON path (`desks[2].serviceIds[0]`).
 */
export const validateSetup = (input: {
  services: unknown;
  desks: unknown;
  hours: unknown;
  policy?: unknown;
  appointmentServiceId?: unknown;
}): QueueSetup => {
  const services = requireList(input.services, 'services', MAX_SERVICES).map((s, i) =>
    validateService(s, `services[${i}]`),
  );
  services.forEach((service, i) => {
    if (services.findIndex((s) => s.serviceId === service.serviceId) !== i) {
      refuse('DUPLICATE_ID', { field: `services[${i}].serviceId` });
    }
    if (services.findIndex((s) => s.prefix === service.prefix) !== i)
      refuse('DUPLICATE_PREFIX', { field: `services[${i}].prefix` });
  });
  const serviceIds = new Set(services.map((s) => s.serviceId));
  const desks = requireList(input.desks, 'desks', MAX_DESKS).map((d, i) => validateDesk(d, `desks[${i}]`, serviceIds));
  desks.forEach((desk, i) => {
    if (desks.findIndex((d) => d.deskId === desk.deskId) !== i) refuse('DUPLICATE_ID', { field: `desks[${i}].deskId` });
  });
  const hoursInput = requireObject(input.hours, 'hours');
  const open = requireTime(hoursInput['open'], 'hours.open');
  const close = requireTime(hoursInput['close'], 'hours.close', { allowEndOfDay: true });
  if (minutesOfDay(close) <= minutesOfDay(open)) refuse('CLOSE_BEFORE_OPEN', { field: 'hours.close' });
  const appointmentServiceId = optionalId(input.appointmentServiceId, 'appointmentServiceId') ?? services[0]!.serviceId;
  if (!serviceIds.has(appointmentServiceId)) refuse('SERVICE_UNKNOWN', { field: 'appointmentServiceId' });
  return { services, desks, hours: { open, close }, policy: validatePolicy(input.policy), appointmentServiceId };
};

const configureOffice = ({ data }: ConfigureOffice, state: OfficeSetupState): OfficeSetupEvent[] => {
  const officeId = requireId(data.officeId, 'officeId');
  const configuredAt = requireInstant(data.now, 'now');
  const setup = validateSetup(data);
  // The same setup again (a retried PUT) changes nothing.
  if (state.setup) {
    const { officeId: _same, ...current } = state.setup;
    if (sameJson(current, setup)) return [];
  }
  return [{ type: 'OfficeConfigured', data: { officeId, ...setup, configuredAt } }];
};

export const evolveOfficeSetup = (state: OfficeSetupState, event: OfficeSetupEvent): OfficeSetupState => {
  switch (event.type) {
    case 'OfficeConfigured': {
      const { configuredAt, ...setup } = event.data;
      return { setup: { ...setup, policy: withPolicyDefaults(setup.policy) }, configuredAt };
    }
    default:
      return state; // an event type from a newer version
  }
};

export const decideOfficeSetup = (command: OfficeSetupCommand, state: OfficeSetupState): OfficeSetupEvent[] => {
  switch (command.type) {
    case 'ConfigureOffice':
      return configureOffice(command, state);
    default:
      return unknownCommand(command as never); // one command type today: TS cannot narrow it to never
  }
};

export const officeSetupDecider: Decider<OfficeSetupCommand, OfficeSetupState, OfficeSetupEvent> = {
  decide: decideOfficeSetup,
  evolve: evolveOfficeSetup,
  initialState: initialOfficeSetupState,
};
