/**
 * Offices are reference data, not event-sourced: which akimats, public service centres and
 * anti-corruption centres exist, their names and addresses. They are maintained by upsert (the
 * demo seed now; an admin console later) and are not emptied by a read-model rebuild.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { LocalizedText } from '../domain/index.js';
import { OFFICE_KINDS, OfficeView, type OfficeKind } from './entities.js';

export interface OfficeRecord {
  officeId: string;
  kind: OfficeKind;
  name: LocalizedText;
  address: LocalizedText;
  /** Region code, e.g. KATO of the oblast or city of republican significance. */
  regionCode: string;
}

const text = (value: LocalizedText | undefined, field: string): LocalizedText => {
  if (!value || [value.kk, value.ru, value.en].some((t) => typeof t !== 'string' || t.trim() === '')) {
    throw new Error(`office ${field}: kk, ru and en texts are all required`);
  }
  return { kk: value.kk, ru: value.ru, en: value.en };
};

/** Inserts or updates offices by id (idempotent). Returns how many were written. */
export const upsertOffices = async (target: MikroORM | EntityManager, offices: readonly OfficeRecord[]): Promise<number> => {
  const rows = offices.map((office) => {
    if (typeof office.officeId !== 'string' || office.officeId.trim() === '') throw new Error('office: officeId is required');
    if (!OFFICE_KINDS.includes(office.kind)) throw new Error(`office ${office.officeId}: unknown kind "${String(office.kind)}"`);
    return {
      officeId: office.officeId,
      kind: office.kind,
      name: text(office.name, `${office.officeId}.name`),
      address: text(office.address, `${office.officeId}.address`),
      regionCode: office.regionCode,
    };
  });
  if (rows.length === 0) return 0;
  const em = 'em' in target ? target.em.fork() : target;
  await em.upsertMany(OfficeView, rows);
  return rows.length;
};
