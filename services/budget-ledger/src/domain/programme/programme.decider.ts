/**
 * Budget programme, stream `programme-{administrator}{programme}{subprogramme}`: a code of the
 * budget classification with its functional group and names. Registering the same data again is a
 * no-op (imports repeat programme columns on every row); other data is refused.
 */
import type { Decider } from '@adal/event-store';
import { refuse } from '../shared/domain-error.js';
import { unknownCommand } from '../shared/exhaustive.js';
import { sameJson } from '../shared/same-json.js';
import { programmeCodeOf } from '../shared/streams.js';
import { MAX_NAME_LENGTH, requireCode, requireFunctionalGroup, requireLocalizedText } from '../shared/validation.js';
import type { DomainCommand, LocalizedText } from '../shared/vocabulary.js';
import type { ProgrammeEvent, ProgrammeRegisteredData } from './programme.events.js';

// --- commands -----------------------------------------------------------------------------------

export type RegisterProgramme = DomainCommand<
  'RegisterProgramme',
  { administrator: string; programme: string; subprogramme: string; functionalGroup: string; name: LocalizedText }
>;

export type ProgrammeCommand = RegisterProgramme;

// --- state --------------------------------------------------------------------------------------

export interface ProgrammeState {
  programme?: ProgrammeRegisteredData;
}

export const initialProgrammeState = (): ProgrammeState => ({});

// --- decide -------------------------------------------------------------------------------------

const registerProgramme = ({ data }: RegisterProgramme, state: ProgrammeState): ProgrammeEvent[] => {
  const administrator = requireCode(data.administrator, 'administrator');
  const programme = requireCode(data.programme, 'programme');
  const subprogramme = requireCode(data.subprogramme, 'subprogramme');
  const registered: ProgrammeRegisteredData = {
    code: programmeCodeOf(administrator, programme, subprogramme),
    administrator,
    programme,
    subprogramme,
    functionalGroup: requireFunctionalGroup(data.functionalGroup, 'functionalGroup'),
    name: requireLocalizedText(data.name, 'name', MAX_NAME_LENGTH),
  };
  if (state.programme) {
    if (sameJson(state.programme, registered)) return [];
    const current = state.programme;
    const field = (['functionalGroup', 'name'] as const).find((key) => !sameJson(current[key], registered[key]));
    return refuse('PROGRAMME_EXISTS', { field: field ?? 'programme' });
  }
  return [{ type: 'ProgrammeRegistered', data: registered }];
};

export const decideProgramme = (command: ProgrammeCommand, state: ProgrammeState): ProgrammeEvent[] => {
  switch (command.type) {
    case 'RegisterProgramme':
      return registerProgramme(command, state);
    default:
      return unknownCommand(command as never); // one command type today: TS cannot narrow it to never
  }
};

// --- evolve -------------------------------------------------------------------------------------

export const evolveProgramme = (state: ProgrammeState, event: ProgrammeEvent): ProgrammeState => {
  switch (event.type) {
    case 'ProgrammeRegistered':
      return { programme: event.data };
    default:
      return state; // an event type from a newer version
  }
};

export const programmeDecider: Decider<ProgrammeCommand, ProgrammeState, ProgrammeEvent> = {
  decide: decideProgramme,
  evolve: evolveProgramme,
  initialState: initialProgrammeState,
};
