import type { Language } from '../i18n/language.js';
import type { LocalizedText } from '../i18n/messages.js';
import type { Role } from './roles.js';

/**
 * Seeded people of the development identity provider. Every one of them is fictional.
 *
 * The citizens' IINs are made up and deliberately impossible (birth month `00`), so none can
 * be a real person's. They exist only to derive each citizen's `citizenRef`; they never leave
 * the gateway (not in tokens, responses, forwarded headers or logs).
 *
 * The officials' `officialId`s are the ones the appointments service seeds; the office ids are
 * the offices they sit in.
 */
export interface DemoUser {
  /** User id, used as the token subject and in `POST /api/v1/auth/dev/sign-in`. */
  userId: string;
  roles: Role[];
  name: LocalizedText;
  /** What the person does, for the sign-in picker. */
  description: LocalizedText;
  preferredLanguage: Language;
  /** Citizens only: a fictional 12-digit IIN. Secret to the gateway. */
  iin?: string;
  officialId?: string;
  officeId?: string;
}

/** Offices of the demo staff (must match the offices the services seed). */
export const DEMO_OFFICE_IDS = {
  akimat: 'office-akimat',
  psc: 'office-psc',
  acsc: 'office-acsc',
} as const;

/** Officials seeded by the appointments service. */
export const DEMO_OFFICIAL_IDS = {
  akimatHead: 'official-akimat-head',
  akimatDeputy: 'official-akimat-deputy',
  pscHead: 'official-psc-head',
  acscHead: 'official-acsc-head',
} as const;

export const DEMO_USERS: readonly DemoUser[] = [
  {
    userId: 'citizen-aigerim',
    roles: ['citizen'],
    name: { kk: 'Айгерім Сәрсенбаева', ru: 'Айгерим Сарсенбаева', en: 'Aigerim Sarsenbayeva' },
    description: { kk: 'Азамат', ru: 'Гражданка', en: 'Citizen' },
    preferredLanguage: 'kk',
    iin: '920015400011',
  },
  {
    userId: 'citizen-daniyar',
    roles: ['citizen'],
    name: { kk: 'Данияр Омаров', ru: 'Данияр Омаров', en: 'Daniyar Omarov' },
    description: { kk: 'Азамат', ru: 'Гражданин', en: 'Citizen' },
    preferredLanguage: 'kk',
    iin: '850007300022',
  },
  {
    userId: 'citizen-svetlana',
    roles: ['citizen'],
    name: { kk: 'Светлана Ким', ru: 'Светлана Ким', en: 'Svetlana Kim' },
    description: { kk: 'Азамат', ru: 'Гражданка', en: 'Citizen' },
    preferredLanguage: 'ru',
    iin: '780021600033',
  },
  {
    userId: 'clerk-marat',
    roles: ['clerk'],
    name: { kk: 'Марат Жұмабеков', ru: 'Марат Жумабеков', en: 'Marat Zhumabekov' },
    description: {
      kk: 'ХҚКО операторы (фронт-офис)',
      ru: 'Оператор ЦОН (фронт-офис)',
      en: 'Public service centre clerk (front office)',
    },
    preferredLanguage: 'kk',
    officeId: DEMO_OFFICE_IDS.psc,
  },
  {
    userId: 'akim-nurlan',
    roles: ['official'],
    name: { kk: 'Нұрлан Әбенов', ru: 'Нурлан Абенов', en: 'Nurlan Abenov' },
    description: { kk: 'Аудан әкімі', ru: 'Аким района', en: 'District akim (head of the akimat)' },
    preferredLanguage: 'kk',
    officialId: DEMO_OFFICIAL_IDS.akimatHead,
    officeId: DEMO_OFFICE_IDS.akimat,
  },
  {
    userId: 'deputy-gulnar',
    roles: ['official'],
    name: { kk: 'Гүлнар Исаева', ru: 'Гульнар Исаева', en: 'Gulnar Issayeva' },
    description: { kk: 'Аудан әкімінің орынбасары', ru: 'Заместитель акима района', en: 'Deputy district akim' },
    preferredLanguage: 'ru',
    officialId: DEMO_OFFICIAL_IDS.akimatDeputy,
    officeId: DEMO_OFFICE_IDS.akimat,
  },
  {
    userId: 'psc-head-assel',
    roles: ['official'],
    name: { kk: 'Әсел Нұрпейісова', ru: 'Асель Нурпеисова', en: 'Assel Nurpeissova' },
    description: {
      kk: 'Халыққа қызмет көрсету орталығының басшысы',
      ru: 'Руководитель центра обслуживания населения',
      en: 'Head of the public service centre',
    },
    preferredLanguage: 'kk',
    officialId: DEMO_OFFICIAL_IDS.pscHead,
    officeId: DEMO_OFFICE_IDS.psc,
  },
  {
    userId: 'acsc-head-bolat',
    roles: ['official'],
    name: { kk: 'Болат Серікбаев', ru: 'Болат Серикбаев', en: 'Bolat Serikbayev' },
    description: {
      kk: 'Сыбайлас жемқорлыққа қарсы қызмет көрсету орталығының басшысы',
      ru: 'Руководитель антикоррупционного центра обслуживания',
      en: 'Head of the anti-corruption service centre',
    },
    preferredLanguage: 'en',
    officialId: DEMO_OFFICIAL_IDS.acscHead,
    officeId: DEMO_OFFICE_IDS.acsc,
  },
  {
    userId: 'admin-timur',
    roles: ['admin'],
    name: { kk: 'Тимур Бекетов', ru: 'Тимур Бекетов', en: 'Timur Beketov' },
    description: { kk: 'Кеңсе әкімшісі', ru: 'Администратор офиса', en: 'Office administrator' },
    preferredLanguage: 'ru',
  },
  {
    userId: 'auditor-zhanna',
    roles: ['auditor'],
    name: { kk: 'Жанна Әлиева', ru: 'Жанна Алиева', en: 'Zhanna Aliyeva' },
    description: { kk: 'Аудитор', ru: 'Аудитор', en: 'Auditor' },
    preferredLanguage: 'en',
  },
];
