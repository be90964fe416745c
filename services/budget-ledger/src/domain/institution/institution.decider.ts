/**
 * Institution, stream `institution-{bin}`: a state institution that holds budget lines.
 * Registering the same data again is a no-op (imports repeat institution columns on every row);
 * other data is refused, because region and level never change for a BIN and names have their
 * own correction command.
 */
import type { Decider } from '@adal/event-store';
import { refuse } from '../shared/domain-error.js';
import { unknownCommand } from '../shared/exhaustive.js';
import { sameJson } from '../shared/same-json.js';
import {
  MAX_NAME_LENGTH,
  requireBin,
  requireLevel,
  requireLocalizedText,
  requireRegionId,
} from '../shared/validation.js';
import type { DomainCommand, InstitutionLevel, LocalizedText } from '../shared/vocabulary.js';
import type { InstitutionEvent, InstitutionRegisteredData } from './institution.events.js';

// --- commands -----------------------------------------------------------------------------------

export type RegisterInstitution = DomainCommand<
  'RegisterInstitution',
  { bin: string; name: LocalizedText; regionId: string; level: InstitutionLevel }
>;

export type CorrectInstitutionName = DomainCommand<'CorrectInstitutionName', { bin: string; name: LocalizedText }>;

export type InstitutionCommand = RegisterInstitution | CorrectInstitutionName;

// --- state --------------------------------------------------------------------------------------

export interface InstitutionState {
  /** The institution with its current names; absent before registration. */
  institution?: InstitutionRegisteredData;
}

export const initialInstitutionState = (): InstitutionState => ({});

// --- decide -------------------------------------------------------------------------------------

const registerInstitution = ({ data }: RegisterInstitution, state: InstitutionState): InstitutionEvent[] => {
  const registered: InstitutionRegisteredData = {
    bin: requireBin(data.bin, 'bin'),
    name: requireLocalizedText(data.name, 'name', MAX_NAME_LENGTH),
    regionId: requireRegionId(data.regionId, 'regionId'),
    level: requireLevel(data.level, 'level'),
  };
  if (state.institution) {
    // Compared with the current names: after a correction, the corrected data is "the same".
    if (sameJson(state.institution, registered)) return [];
    const current = state.institution;
    const field = (['regionId', 'level', 'name'] as const).find((key) => !sameJson(current[key], registered[key]));
    return refuse('INSTITUTION_EXISTS', { field: field ?? 'bin' });
  }
  return [{ type: 'InstitutionRegistered', data: registered }];
};

const correctInstitutionName = ({ data }: CorrectInstitutionName, state: InstitutionState): InstitutionEvent[] => {
  const bin = requireBin(data.bin, 'bin');
  const name = requireLocalizedText(data.name, 'name', MAX_NAME_LENGTH);
  if (!state.institution) return refuse('INSTITUTION_NOT_FOUND', { field: 'bin' });
  if (sameJson(state.institution.name, name)) return [];
  return [{ type: 'InstitutionNameCorrected', data: { bin, name } }];
};

export const decideInstitution = (command: InstitutionCommand, state: InstitutionState): InstitutionEvent[] => {
  switch (command.type) {
    case 'RegisterInstitution':
      return registerInstitution(command, state);
    case 'CorrectInstitutionName':
      return correctInstitutionName(command, state);
    default:
      return unknownCommand(command);
  }
};

// --- evolve -------------------------------------------------------------------------------------

export const evolveInstitution = (state: InstitutionState, event: InstitutionEvent): InstitutionState => {
  switch (event.type) {
    case 'InstitutionRegistered':
      return { institution: event.data };
    case 'InstitutionNameCorrected':
      return state.institution ? { institution: { ...state.institution, name: event.data.name } } : state;
    default:
      return state; // an event type from a newer version
  }
};

export const institutionDecider: Decider<InstitutionCommand, InstitutionState, InstitutionEvent> = {
  decide: decideInstitution,
  evolve: evolveInstitution,
  initialState: initialInstitutionState,
};
