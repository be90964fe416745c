/** Fictional people and places for specs. Any likeness to real officials is accidental. */
import type { OfficialProfile } from '../schedule/reception-schedule.js';

export const OFFICE_ID = 'office-astana-01';

export const headOfAgency: OfficialProfile = {
  officialId: 'official-head-1',
  officeId: OFFICE_ID,
  rank: 'head',
  displayName: { kk: 'Дәурен Болатұлы Оспанов', ru: 'Даурен Болатович Оспанов', en: 'Dauren Ospanov' },
};

export const deputyHead: OfficialProfile = {
  officialId: 'official-deputy-1',
  officeId: OFFICE_ID,
  rank: 'deputy',
  displayName: { kk: 'Айгерім Маратқызы Нұрланова', ru: 'Айгерим Маратовна Нурланова', en: 'Aigerim Nurlanova' },
};
