/** Vocabulary shared by every appointments aggregate. */
import type { LocalTime } from '../time/almaty-time.js';

/** The three languages of every page and message: Kazakh (state language), Russian, English. */
export type Language = 'kk' | 'ru' | 'en';
export const LANGUAGES: readonly Language[] = ['kk', 'ru', 'en'];

/** A text in all three languages. */
export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

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

/** Commands mirror events: a type and its data (the shape Emmett and our store use). */
export interface DomainCommand<Type extends string, Data> {
  type: Type;
  data: Data;
}
