/**
 * The 20 first-level units of Kazakhstan (17 regions and 3 cities of republican significance,
 * after the 2022 reform), as the features of `shared/geo/kz-regions.geojson` (ids ISO 3166-2:KZ).
 * Copied here because the pure domain reads no files; a unit spec checks the copy against the map.
 */
import type { LocalizedText } from './vocabulary.js';

export interface Region {
  id: string;
  name: LocalizedText;
}

export const REGIONS: readonly Region[] = [
  { id: 'KZ-10', name: { kk: 'Абай облысы', ru: 'область Абай', en: 'Abai Region' } },
  { id: 'KZ-11', name: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' } },
  { id: 'KZ-15', name: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' } },
  { id: 'KZ-19', name: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' } },
  { id: 'KZ-23', name: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' } },
  {
    id: 'KZ-27',
    name: { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' },
  },
  { id: 'KZ-31', name: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Jambyl Region' } },
  { id: 'KZ-33', name: { kk: 'Жетісу облысы', ru: 'область Жетісу', en: 'Jetisu Region' } },
  { id: 'KZ-35', name: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' } },
  { id: 'KZ-39', name: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' } },
  { id: 'KZ-43', name: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' } },
  { id: 'KZ-47', name: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' } },
  { id: 'KZ-55', name: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' } },
  {
    id: 'KZ-59',
    name: { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region' },
  },
  { id: 'KZ-61', name: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' } },
  { id: 'KZ-62', name: { kk: 'Ұлытау облысы', ru: 'область Ұлытау', en: 'Ulytau Region' } },
  {
    id: 'KZ-63',
    name: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' },
  },
  { id: 'KZ-71', name: { kk: 'Астана', ru: 'Астана', en: 'Astana' } },
  { id: 'KZ-75', name: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' } },
  { id: 'KZ-79', name: { kk: 'Шымкент', ru: 'Шымкент', en: 'Shymkent' } },
];

export const REGION_IDS: readonly string[] = REGIONS.map((region) => region.id);

const BY_ID: ReadonlyMap<string, Region> = new Map(REGIONS.map((region) => [region.id, region]));

export const isRegionId = (value: unknown): value is string => typeof value === 'string' && BY_ID.has(value);

export const regionById = (id: string): Region | undefined => BY_ID.get(id);
