/** Events of a budget programme, stream `programme-{administrator}{programme}{subprogramme}`. */
import type { DomainEvent } from '@adal/event-store';
import type { LocalizedText } from '../shared/vocabulary.js';

export interface ProgrammeRegisteredData {
  /** `administrator + programme + subprogramme`, 9 digits (`253001000`): the stream suffix. */
  code: string;
  /** Budget programme administrator, 3 digits. */
  administrator: string;
  /** 3 digits. */
  programme: string;
  /** 3 digits, `000` when the programme has none. */
  subprogramme: string;
  /** `01`..`13`, the functional group of Kazakhstan's budget classification. */
  functionalGroup: string;
  name: LocalizedText;
}

export type ProgrammeRegistered = DomainEvent<'ProgrammeRegistered', ProgrammeRegisteredData>;

export type ProgrammeEvent = ProgrammeRegistered;

export const PROGRAMME_EVENT_TYPES = ['ProgrammeRegistered'] as const satisfies readonly ProgrammeEvent['type'][];
