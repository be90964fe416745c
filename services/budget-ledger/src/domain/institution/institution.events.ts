/**
 * Events of an institution, stream `institution-{bin}`. Region and level never change (a
 * reorganised institution gets a new BIN), so only the names can be corrected.
 */
import type { DomainEvent } from '@adal/event-store';
import type { InstitutionLevel, LocalizedText } from '../shared/vocabulary.js';

export interface InstitutionRegisteredData {
  /** 12-digit business identification number, checksum-valid. */
  bin: string;
  name: LocalizedText;
  /** ISO 3166-2:KZ id of one of the 20 regions (`KZ-10` ... `KZ-79`). */
  regionId: string;
  level: InstitutionLevel;
}

export interface InstitutionNameCorrectedData {
  bin: string;
  name: LocalizedText;
}

export type InstitutionRegistered = DomainEvent<'InstitutionRegistered', InstitutionRegisteredData>;
export type InstitutionNameCorrected = DomainEvent<'InstitutionNameCorrected', InstitutionNameCorrectedData>;

export type InstitutionEvent = InstitutionRegistered | InstitutionNameCorrected;

export const INSTITUTION_EVENT_TYPES = [
  'InstitutionRegistered',
  'InstitutionNameCorrected',
] as const satisfies readonly InstitutionEvent['type'][];
