/**
 * Reference data of the synthetic dataset: how institutions spread over regions and levels, and a
 * fixed catalogue of budget programmes. Every generated name carries the synthetic label, so no
 * page, export or screenshot can pass it off as a real institution or programme.
 */
import { FUNCTIONAL_GROUP_CODES, type InstitutionLevel, type LocalizedText } from '../domain/index.js';
import type { ProgrammeData } from '../import/ledger-row.js';

/** Starts every synthetic name, in each language. */
export const SYNTHETIC_LABEL: LocalizedText = { kk: '[Синтетикалық]', ru: '[Синтетика]', en: '[Synthetic]' };

/** True when a name (in any language) is one the generator made. */
export const isSyntheticName = (name: LocalizedText): boolean =>
  name.en.startsWith(SYNTHETIC_LABEL.en) ||
  name.ru.startsWith(SYNTHETIC_LABEL.ru) ||
  name.kk.startsWith(SYNTHETIC_LABEL.kk);

export const labelled = (text: LocalizedText): LocalizedText => ({
  kk: `${SYNTHETIC_LABEL.kk} ${text.kk}`,
  ru: `${SYNTHETIC_LABEL.ru} ${text.ru}`,
  en: `${SYNTHETIC_LABEL.en} ${text.en}`,
});

/**
 * Population of each region, thousands (rounded, early 2024, Bureau of National Statistics): the
 * weight of regional and district institutions. The three cities have no rural districts.
 */
export const REGION_POPULATION: Readonly<Record<string, number>> = {
  'KZ-10': 607,
  'KZ-11': 787,
  'KZ-15': 930,
  'KZ-19': 1_530,
  'KZ-23': 700,
  'KZ-27': 690,
  'KZ-31': 1_220,
  'KZ-33': 700,
  'KZ-35': 1_130,
  'KZ-39': 830,
  'KZ-43': 840,
  'KZ-47': 790,
  'KZ-55': 750,
  'KZ-59': 530,
  'KZ-61': 2_150,
  'KZ-62': 220,
  'KZ-63': 720,
  'KZ-71': 1_420,
  'KZ-75': 2_230,
  'KZ-79': 1_220,
};

export const CITIES: ReadonlySet<string> = new Set(['KZ-71', 'KZ-75', 'KZ-79']);

/** Share of institutions at each level (most are district and rural district bodies). */
export const LEVEL_SHARES: Readonly<Record<InstitutionLevel, number>> = {
  republican: 0.04,
  regional: 0.16,
  district: 0.38,
  rural: 0.42,
};

/** How many budget lines an institution of each level holds, on average. */
export const LINES_PER_INSTITUTION: Readonly<Record<InstitutionLevel, number>> = {
  republican: 14,
  regional: 8,
  district: 5,
  rural: 2.5,
};

/**
 * Median allocation of one line per level, tenge, before the dataset is scaled to its total;
 * the spread is log-normal, with a Pareto tail for republican lines.
 */
export const MEDIAN_LINE_TENGE: Readonly<Record<InstitutionLevel, number>> = {
  republican: 4_000_000_000,
  regional: 700_000_000,
  district: 120_000_000,
  rural: 15_000_000,
};

/** Which functional groups an institution of a level spends on (weights, groups `01`..`13`). */
export const GROUP_WEIGHTS: Readonly<Record<InstitutionLevel, readonly number[]>> = {
  //          01  02  03  04  05  06  07  08  09  10  11  12  13
  republican: [8, 10, 12, 12, 12, 18, 4, 5, 4, 6, 3, 8, 6],
  regional: [6, 1, 5, 20, 18, 10, 10, 6, 3, 6, 5, 8, 2],
  district: [10, 1, 1, 30, 2, 10, 18, 8, 2, 6, 4, 8, 2],
  rural: [30, 0, 0, 15, 0, 0, 30, 10, 0, 0, 0, 15, 0],
};

/** What each functional group pays for: five subjects per group, the basis of programme names. */
const SUBJECTS: Readonly<Record<string, readonly LocalizedText[]>> = {
  '01': [
    { kk: 'Әкім аппараты', ru: 'Аппарат акима', en: "Akim's office" },
    { kk: 'Мәслихат', ru: 'Маслихат', en: 'Maslikhat' },
    { kk: 'Қаржылық басқару', ru: 'Финансовое управление', en: 'Financial administration' },
    { kk: 'Экономикалық жоспарлау', ru: 'Экономическое планирование', en: 'Economic planning' },
    { kk: 'Мемлекеттік сатып алу', ru: 'Государственные закупки', en: 'Public procurement' },
  ],
  '02': [
    { kk: 'Жұмылдыру дайындығы', ru: 'Мобилизационная подготовка', en: 'Mobilisation preparedness' },
    { kk: 'Азаматтық қорғаныс', ru: 'Гражданская оборона', en: 'Civil defence' },
    { kk: 'Төтенше жағдайлардың алдын алу', ru: 'Предупреждение чрезвычайных ситуаций', en: 'Emergency prevention' },
    { kk: 'Өрт қауіпсіздігі', ru: 'Пожарная безопасность', en: 'Fire safety' },
    { kk: 'Аумақтық қорғаныс', ru: 'Территориальная оборона', en: 'Territorial defence' },
  ],
  '03': [
    { kk: 'Полиция қызметі', ru: 'Полицейская служба', en: 'Police service' },
    { kk: 'Жол жүрісі қауіпсіздігі', ru: 'Безопасность дорожного движения', en: 'Road safety' },
    { kk: 'Сот жүйесі', ru: 'Судебная система', en: 'Courts' },
    { kk: 'Заң көмегі', ru: 'Юридическая помощь', en: 'Legal aid' },
    { kk: 'Құқық бұзушылықтың алдын алу', ru: 'Профилактика правонарушений', en: 'Crime prevention' },
  ],
  '04': [
    { kk: 'Мектепке дейінгі тәрбие және оқыту', ru: 'Дошкольное воспитание и обучение', en: 'Pre-school education' },
    { kk: 'Жалпы орта білім беру', ru: 'Общее среднее образование', en: 'General secondary education' },
    {
      kk: 'Техникалық және кәсіптік білім беру',
      ru: 'Техническое и профессиональное образование',
      en: 'Technical and vocational education',
    },
    {
      kk: 'Балаларға қосымша білім беру',
      ru: 'Дополнительное образование детей',
      en: 'Additional education for children',
    },
    { kk: 'Мектептегі тамақтану және оқулықтар', ru: 'Школьное питание и учебники', en: 'School meals and textbooks' },
  ],
  '05': [
    {
      kk: 'Алғашқы медициналық-санитариялық көмек',
      ru: 'Первичная медико-санитарная помощь',
      en: 'Primary health care',
    },
    { kk: 'Стационарлық көмек', ru: 'Стационарная помощь', en: 'Hospital care' },
    { kk: 'Жедел медициналық көмек', ru: 'Скорая медицинская помощь', en: 'Emergency medical care' },
    { kk: 'Дәрілік қамтамасыз ету', ru: 'Лекарственное обеспечение', en: 'Medicines supply' },
    {
      kk: 'Санитариялық-эпидемиологиялық саламаттылық',
      ru: 'Санитарно-эпидемиологическое благополучие',
      en: 'Sanitary and epidemiological safety',
    },
  ],
  '06': [
    { kk: 'Әлеуметтік көмек', ru: 'Социальная помощь', en: 'Social assistance' },
    { kk: 'Жұмыспен қамту бағдарламалары', ru: 'Программы занятости', en: 'Employment programmes' },
    {
      kk: 'Мүгедектігі бар адамдарды қолдау',
      ru: 'Поддержка лиц с инвалидностью',
      en: 'Support for persons with disabilities',
    },
    { kk: 'Үйде күтім көрсету қызметтері', ru: 'Услуги по уходу на дому', en: 'Home care services' },
    { kk: 'Тұрғын үй көмегі', ru: 'Жилищная помощь', en: 'Housing assistance' },
  ],
  '07': [
    { kk: 'Сумен жабдықтау және су бұру', ru: 'Водоснабжение и водоотведение', en: 'Water supply and sewerage' },
    { kk: 'Жылумен жабдықтау', ru: 'Теплоснабжение', en: 'Heat supply' },
    { kk: 'Көшелерді жарықтандыру', ru: 'Освещение улиц', en: 'Street lighting' },
    { kk: 'Тұрғын үй құрылысы', ru: 'Жилищное строительство', en: 'Housing construction' },
    { kk: 'Абаттандыру және санитария', ru: 'Благоустройство и санитария', en: 'Landscaping and sanitation' },
  ],
  '08': [
    { kk: 'Мәдени-демалыс жұмысы', ru: 'Культурно-досуговая работа', en: 'Culture and leisure' },
    { kk: 'Кітапханалар', ru: 'Библиотеки', en: 'Libraries' },
    { kk: 'Бұқаралық спорт', ru: 'Массовый спорт', en: 'Mass sport' },
    { kk: 'Туризм', ru: 'Туризм', en: 'Tourism' },
    { kk: 'Ақпараттық саясат', ru: 'Информационная политика', en: 'Information policy' },
  ],
  '09': [
    { kk: 'Газбен жабдықтау', ru: 'Газоснабжение', en: 'Gas supply' },
    { kk: 'Электр желілері', ru: 'Электрические сети', en: 'Power grids' },
    { kk: 'Жаңартылатын энергетика', ru: 'Возобновляемая энергетика', en: 'Renewable energy' },
    { kk: 'Жер қойнауын пайдалану', ru: 'Недропользование', en: 'Subsoil use' },
    { kk: 'Энергия үнемдеу', ru: 'Энергосбережение', en: 'Energy saving' },
  ],
  '10': [
    { kk: 'Өсімдік шаруашылығын қолдау', ru: 'Поддержка растениеводства', en: 'Crop farming support' },
    { kk: 'Мал шаруашылығын қолдау', ru: 'Поддержка животноводства', en: 'Livestock support' },
    { kk: 'Ветеринариялық қызметтер', ru: 'Ветеринарные услуги', en: 'Veterinary services' },
    { kk: 'Суару', ru: 'Орошение', en: 'Irrigation' },
    { kk: 'Орманды қорғау', ru: 'Охрана лесов', en: 'Forest protection' },
  ],
  '11': [
    { kk: 'Сәулет және қала құрылысы', ru: 'Архитектура и градостроительство', en: 'Architecture and town planning' },
    {
      kk: 'Мемлекеттік сәулет-құрылыс бақылауы',
      ru: 'Государственный архитектурно-строительный контроль',
      en: 'Construction supervision',
    },
    { kk: 'Өнеркәсіпті дамыту', ru: 'Развитие промышленности', en: 'Industrial development' },
    { kk: 'Индустриялық аймақтар', ru: 'Индустриальные зоны', en: 'Industrial zones' },
    { kk: 'Құрылыс нормалары', ru: 'Строительные нормы', en: 'Building standards' },
  ],
  '12': [
    {
      kk: 'Жергілікті маңызы бар автомобиль жолдары',
      ru: 'Автомобильные дороги местного значения',
      en: 'Local roads',
    },
    { kk: 'Қоғамдық көлік', ru: 'Общественный транспорт', en: 'Public transport' },
    {
      kk: 'Әлеуметтік маңызы бар автобус бағыттары',
      ru: 'Социально значимые автобусные маршруты',
      en: 'Rural bus routes',
    },
    { kk: 'Цифрландыру', ru: 'Цифровизация', en: 'Digitalisation' },
    { kk: 'Әуежайлар мен теміржолдар', ru: 'Аэропорты и железные дороги', en: 'Airports and railways' },
  ],
  '13': [
    {
      kk: 'Жергілікті атқарушы органның резерві',
      ru: 'Резерв местного исполнительного органа',
      en: 'Local executive reserve',
    },
    { kk: 'Кәсіпкерлікті қолдау', ru: 'Поддержка предпринимательства', en: 'Entrepreneurship support' },
    { kk: 'Өңірлік даму', ru: 'Региональное развитие', en: 'Regional development' },
    { kk: 'Статистика', ru: 'Статистика', en: 'Statistics' },
    { kk: 'Борышқа қызмет көрсету', ru: 'Обслуживание долга', en: 'Debt service' },
  ],
};

/** The kinds of programme every subject has (programme code, subprogrammes). */
const KINDS: ReadonlyArray<{ programme: string; subprogrammes: readonly string[]; name: LocalizedText }> = [
  {
    programme: '001',
    subprogrammes: ['000'],
    name: { kk: 'қызметін қамтамасыз ету', ru: 'обеспечение деятельности', en: 'operations' },
  },
  {
    programme: '002',
    subprogrammes: ['000'],
    name: { kk: 'күрделі шығыстар', ru: 'капитальные расходы', en: 'capital expenditure' },
  },
  {
    programme: '003',
    subprogrammes: ['000'],
    name: { kk: 'дамыту және салу', ru: 'развитие и строительство', en: 'development and construction' },
  },
  {
    programme: '004',
    subprogrammes: ['011', '015'],
    name: { kk: 'нысаналы трансферттер', ru: 'целевые трансферты', en: 'targeted transfers' },
  },
];

const SUBPROGRAMME_NAMES: Readonly<Record<string, LocalizedText>> = {
  '011': {
    kk: 'республикалық бюджет есебінен',
    ru: 'за счёт республиканского бюджета',
    en: 'from the national budget',
  },
  '015': { kk: 'жергілікті бюджет есебінен', ru: 'за счёт местного бюджета', en: 'from the local budget' },
};

/** One department name per functional group (stems for institution names). */
export const DEPARTMENT_STEMS: Readonly<Record<string, LocalizedText>> = {
  '01': { kk: 'мемлекеттік басқару', ru: 'государственного управления', en: 'public administration' },
  '02': { kk: 'азаматтық қорғаныс', ru: 'гражданской обороны', en: 'civil defence' },
  '03': { kk: 'қоғамдық тәртіп', ru: 'общественного порядка', en: 'public order' },
  '04': { kk: 'білім беру', ru: 'образования', en: 'education' },
  '05': { kk: 'денсаулық сақтау', ru: 'здравоохранения', en: 'health care' },
  '06': {
    kk: 'жұмыспен қамту және әлеуметтік бағдарламалар',
    ru: 'занятости и социальных программ',
    en: 'employment and social programmes',
  },
  '07': { kk: 'тұрғын үй-коммуналдық шаруашылық', ru: 'жилищно-коммунального хозяйства', en: 'housing and utilities' },
  '08': { kk: 'мәдениет және спорт', ru: 'культуры и спорта', en: 'culture and sport' },
  '09': { kk: 'энергетика', ru: 'энергетики', en: 'energy' },
  '10': { kk: 'ауыл шаруашылығы', ru: 'сельского хозяйства', en: 'agriculture' },
  '11': { kk: 'құрылыс', ru: 'строительства', en: 'construction' },
  '12': { kk: 'көлік және автомобиль жолдары', ru: 'транспорта и автомобильных дорог', en: 'transport and roads' },
  '13': { kk: 'қаржы', ru: 'финансов', en: 'finance' },
};

/**
 * The fixed programme catalogue: 13 functional groups x 5 subjects x 5 programmes (four kinds,
 * targeted transfers split into two subprogrammes) = 325 programmes. Administrator codes are
 * `100 + 30 * (group - 1) + 5 * subject`, so every subject has its own administrator.
 */
export const PROGRAMMES: readonly ProgrammeData[] = FUNCTIONAL_GROUP_CODES.flatMap((group, g) =>
  SUBJECTS[group]!.flatMap((subject, s) =>
    KINDS.flatMap((kind) =>
      kind.subprogrammes.map((subprogramme): ProgrammeData => {
        const sub = SUBPROGRAMME_NAMES[subprogramme];
        return {
          administrator: String(100 + 30 * g + 5 * s).padStart(3, '0'),
          programme: kind.programme,
          subprogramme,
          functionalGroup: group,
          name: labelled({
            kk: `${subject.kk}: ${kind.name.kk}${sub ? ` (${sub.kk})` : ''}`,
            ru: `${subject.ru}: ${kind.name.ru}${sub ? ` (${sub.ru})` : ''}`,
            en: `${subject.en}: ${kind.name.en}${sub ? ` (${sub.en})` : ''}`,
          }),
        };
      }),
    ),
  ),
);

/** Programmes of each functional group. */
export const PROGRAMMES_BY_GROUP: ReadonlyMap<string, readonly ProgrammeData[]> = new Map(
  FUNCTIONAL_GROUP_CODES.map((group) => [group, PROGRAMMES.filter((p) => p.functionalGroup === group)]),
);

/** The name of a synthetic institution of a level, its main functional group, a number and its region. */
export const institutionName = (
  level: InstitutionLevel,
  group: string,
  serial: number,
  region: LocalizedText,
): LocalizedText => {
  const stem = DEPARTMENT_STEMS[group]!;
  switch (level) {
    case 'republican':
      return labelled({
        kk: `№ ${serial} ${stem.kk} республикалық комитеті`,
        ru: `Республиканский комитет ${stem.ru} № ${serial}`,
        en: `Republican committee for ${stem.en} No. ${serial}`,
      });
    case 'regional':
      return labelled({
        kk: `${region.kk}: № ${serial} ${stem.kk} басқармасы`,
        ru: `${region.ru}: Управление ${stem.ru} № ${serial}`,
        en: `${region.en}: Department of ${stem.en} No. ${serial}`,
      });
    case 'district':
      return labelled({
        kk: `${region.kk}: № ${serial} аудандық ${stem.kk} бөлімі`,
        ru: `${region.ru}: Районный отдел ${stem.ru} № ${serial}`,
        en: `${region.en}: District office of ${stem.en} No. ${serial}`,
      });
    case 'rural':
      return labelled({
        kk: `${region.kk}: № ${serial} ауылдық округ әкімінің аппараты`,
        ru: `${region.ru}: Аппарат акима сельского округа № ${serial}`,
        en: `${region.en}: Rural district akim's office No. ${serial}`,
      });
  }
};
