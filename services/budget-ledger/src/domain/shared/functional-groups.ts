/**
 * The 13 functional groups of Kazakhstan's budget classification (expenditure by function), the
 * top level every budget programme belongs to.
 */
import type { LocalizedText } from './vocabulary.js';

export interface FunctionalGroup {
  /** Two digits, `01`..`13`. */
  code: string;
  name: LocalizedText;
}

export const FUNCTIONAL_GROUPS: readonly FunctionalGroup[] = [
  {
    code: '01',
    name: {
      kk: 'Жалпы сипаттағы мемлекеттік қызметтер',
      ru: 'Государственные услуги общего характера',
      en: 'General public services',
    },
  },
  { code: '02', name: { kk: 'Қорғаныс', ru: 'Оборона', en: 'Defence' } },
  {
    code: '03',
    name: {
      kk: 'Қоғамдық тәртіп, қауіпсіздік, құқықтық, сот, қылмыстық-атқару қызметі',
      ru: 'Общественный порядок, безопасность, правовая, судебная, уголовно-исполнительная деятельность',
      en: 'Public order, security, legal, judicial and penal activities',
    },
  },
  { code: '04', name: { kk: 'Білім беру', ru: 'Образование', en: 'Education' } },
  { code: '05', name: { kk: 'Денсаулық сақтау', ru: 'Здравоохранение', en: 'Health care' } },
  {
    code: '06',
    name: {
      kk: 'Әлеуметтік көмек және әлеуметтік қамсыздандыру',
      ru: 'Социальная помощь и социальное обеспечение',
      en: 'Social assistance and social security',
    },
  },
  {
    code: '07',
    name: {
      kk: 'Тұрғын үй-коммуналдық шаруашылық',
      ru: 'Жилищно-коммунальное хозяйство',
      en: 'Housing and communal services',
    },
  },
  {
    code: '08',
    name: {
      kk: 'Мәдениет, спорт, туризм және ақпараттық кеңістік',
      ru: 'Культура, спорт, туризм и информационное пространство',
      en: 'Culture, sport, tourism and information space',
    },
  },
  {
    code: '09',
    name: {
      kk: 'Отын-энергетика кешені және жер қойнауын пайдалану',
      ru: 'Топливно-энергетический комплекс и недропользование',
      en: 'Fuel and energy complex and subsoil use',
    },
  },
  {
    code: '10',
    name: {
      kk: 'Ауыл, су, орман, балық шаруашылығы, ерекше қорғалатын табиғи аумақтар, қоршаған ортаны және жануарлар дүниесін қорғау, жер қатынастары',
      ru: 'Сельское, водное, лесное, рыбное хозяйство, особо охраняемые природные территории, охрана окружающей среды и животного мира, земельные отношения',
      en: 'Agriculture, water, forestry, fishery, specially protected natural areas, environmental protection and wildlife, land relations',
    },
  },
  {
    code: '11',
    name: {
      kk: 'Өнеркәсіп, сәулет, қала құрылысы және құрылыс қызметі',
      ru: 'Промышленность, архитектурная, градостроительная и строительная деятельность',
      en: 'Industry, architecture, town-planning and construction activities',
    },
  },
  {
    code: '12',
    name: { kk: 'Көлік және коммуникация', ru: 'Транспорт и коммуникации', en: 'Transport and communications' },
  },
  { code: '13', name: { kk: 'Басқалар', ru: 'Прочие', en: 'Other' } },
];

export const FUNCTIONAL_GROUP_CODES: readonly string[] = FUNCTIONAL_GROUPS.map((group) => group.code);

const BY_CODE: ReadonlyMap<string, FunctionalGroup> = new Map(FUNCTIONAL_GROUPS.map((group) => [group.code, group]));

export const isFunctionalGroup = (value: unknown): value is string => typeof value === 'string' && BY_CODE.has(value);

export const functionalGroupByCode = (code: string): FunctionalGroup | undefined => BY_CODE.get(code);
