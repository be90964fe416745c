import type { OfficialProfile, ReceptionRule } from '../domain/index.js';

/**
 * Demo data for `npm start`: fictional people in real kinds of bodies, so a newcomer can book
 * at once. Ids match the gateway's demo users (services/gateway/src/auth/demo-users.ts).
 */
export interface DemoOffice {
  officeId: string;
  kind: 'akimat' | 'public_service_centre' | 'anti_corruption_centre';
  name: { kk: string; ru: string; en: string };
  address: { kk: string; ru: string; en: string };
  regionCode: string;
}

export const DEMO_OFFICES: DemoOffice[] = [
  {
    officeId: 'office-akimat',
    kind: 'akimat',
    name: { kk: 'Алмалы ауданының әкімдігі', ru: 'Аппарат акима Алмалинского района', en: 'Almaly District Akimat' },
    address: { kk: 'Алматы қ., Абылай хан даңғылы, 90', ru: 'г. Алматы, пр. Абылай хана, 90', en: '90 Abylai Khan Ave, Almaty' },
    regionCode: 'KZ-75',
  },
  {
    officeId: 'office-psc',
    kind: 'public_service_centre',
    name: { kk: '№1 Халыққа қызмет көрсету орталығы', ru: 'Центр обслуживания населения №1', en: 'Public Service Centre No. 1' },
    address: { kk: 'Астана қ., Сығанақ көшесі, 10', ru: 'г. Астана, ул. Сыганак, 10', en: '10 Syganak St, Astana' },
    regionCode: 'KZ-71',
  },
  {
    officeId: 'office-acsc',
    kind: 'anti_corruption_centre',
    name: { kk: 'Сыбайлас жемқорлыққа қарсы қызмет көрсету орталығы', ru: 'Антикоррупционный центр обслуживания', en: 'Anti-Corruption Service Centre' },
    address: { kk: 'Шымкент қ., Тәуке хан даңғылы, 5', ru: 'г. Шымкент, пр. Тауке хана, 5', en: '5 Tauke Khan Ave, Shymkent' },
    regionCode: 'KZ-79',
  },
];

export interface DemoOfficial {
  profile: OfficialProfile;
  rules: ReceptionRule[];
}

const from = '2026-01-01';

export const DEMO_OFFICIALS: DemoOfficial[] = [
  {
    profile: {
      officialId: 'official-akimat-head',
      officeId: 'office-akimat',
      rank: 'head',
      displayName: { kk: 'Нұрлан Әбенов, аудан әкімі', ru: 'Нурлан Абенов, аким района', en: 'Nurlan Abenov, District Akim' },
    },
    rules: [
      { ruleId: 'akim-wednesday', recurrence: 'weekly', weekday: 'wednesday', start: '10:00', end: '13:00', slotMinutes: 20, capacity: 1, mode: 'in_person', officeId: 'office-akimat', validFrom: from },
    ],
  },
  {
    profile: {
      officialId: 'official-akimat-deputy',
      officeId: 'office-akimat',
      rank: 'deputy',
      displayName: { kk: 'Гүлнар Исаева, аудан әкімінің орынбасары', ru: 'Гульнар Исаева, заместитель акима района', en: 'Gulnar Issayeva, Deputy District Akim' },
    },
    rules: [
      { ruleId: 'deputy-daily-remote', recurrence: 'daily', start: '15:00', end: '17:00', slotMinutes: 15, capacity: 1, mode: 'remote', validFrom: from },
    ],
  },
  {
    profile: {
      officialId: 'official-psc-head',
      officeId: 'office-psc',
      rank: 'head',
      displayName: { kk: 'Әсел Нұрпейісова, орталық басшысы', ru: 'Асель Нурпеисова, руководитель центра', en: 'Assel Nurpeissova, Head of the Centre' },
    },
    rules: [
      { ruleId: 'psc-tuesday', recurrence: 'weekly', weekday: 'tuesday', start: '14:00', end: '17:00', slotMinutes: 15, capacity: 2, mode: 'in_person', officeId: 'office-psc', validFrom: from },
    ],
  },
  {
    profile: {
      officialId: 'official-acsc-head',
      officeId: 'office-acsc',
      rank: 'head',
      displayName: { kk: 'Болат Серікбаев, орталық басшысы', ru: 'Болат Серикбаев, руководитель центра', en: 'Bolat Serikbayev, Head of the Centre' },
    },
    rules: [
      { ruleId: 'acsc-friday', recurrence: 'weekly', weekday: 'friday', start: '10:00', end: '12:00', slotMinutes: 20, capacity: 1, mode: 'in_person', officeId: 'office-acsc', validFrom: from },
    ],
  },
];
