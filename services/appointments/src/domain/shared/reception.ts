/** Vocabulary shared by every appointments aggregate. */
import type { LocalTime } from '@adal/domain-kit';

/** The three languages (kk, ru, en), localized texts and the command shape every domain shares. */
export { LANGUAGES, type DomainCommand, type Language, type LocalizedText } from '@adal/domain-kit';

/** How a reception happens: at an office desk, or by video. */
export type ReceptionMode = 'in_person' | 'remote';
export const RECEPTION_MODES: readonly ReceptionMode[] = ['in_person', 'remote'];

/**
 * One bookable slot of a reception day: `[start, end)` in Kazakhstan local time, `capacity`
 * citizens at once (a reception may take a family or several co-applicants).
 */
export interface ReceptionSlot {
  start: LocalTime;
  end: LocalTime;
  capacity: number;
  mode: ReceptionMode;
  /** The office where an in-person reception takes place; absent for remote slots. */
  officeId?: string;
}
