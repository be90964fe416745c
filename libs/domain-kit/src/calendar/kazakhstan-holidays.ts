/**
 * Kazakhstan's public holidays as DATA, one entry per year, so adding a year (or a late government
 * transfer) is a data change reviewed against the official production calendar, not a code change.
 *
 * Sources (what is encoded, and how sure we are):
 * - Law of the Republic of Kazakhstan "On holidays in the Republic of Kazakhstan" (No. 267-II of
 *   13 December 2001, as amended in 2022: Republic Day 25 October became a national holiday; First
 *   President's Day 1 December and the second day of Independence Day, 17 December, were removed).
 *   National holidays: Independence Day 16 Dec, Republic Day 25 Oct. State holidays: New Year 1-2
 *   Jan, International Women's Day 8 Mar, Nauryz meiramy 21-23 Mar, Unity Day 1 May, Defender of
 *   the Fatherland Day 7 May, Victory Day 9 May, Capital Day 6 Jul, Constitution Day 30 Aug.
 *   Days off for religious holidays: Orthodox Christmas 7 Jan and the first day of Kurban Ait
 *   (date by the Muslim lunar calendar, announced each year).
 * - Labour Code of the Republic of Kazakhstan (2015), articles 84-85 (weekly rest days and
 *   holidays): when a weekly rest day coincides with a national or state holiday, the rest day
 *   moves to the next working day after the holiday. The religious days off (7 Jan, Kurban Ait)
 *   do not move. Art. 85(3) lets the Government move rest days for "rational use of working
 *   time" (a Government decree up to 2023; from 2024 an order of the Minister of Labour and Social
 *   Protection) - those transfers are the `transfers` below. The article numbers are as commonly
 *   cited; verify against the current consolidated text before quoting them to citizens.
 *
 * The weekend-move rule is applied by code (`working-days.ts`), because it is law; the data lists
 * only the holidays themselves and the decreed transfers. Checked against published calendars:
 * - 2025: holidays and moves match the Ministry's calendar (8 Mar -> 10 Mar, Nauryz 22-23 Mar ->
 *   24-25 Mar, 6 Jul -> 7 Jul, 30 Aug -> 1 Sep, 25 Oct -> 27 Oct). One decreed transfer (order of
 *   November 2024, as reported by the Ministry): the rest day of Sunday 5 January moved to Friday
 *   3 January, so 5 January 2025 was a working day. The Ministry stated no other 2025 transfers.
 * - 2026: matches the calendar published on egov.kz in January 2026 (8 Mar -> 9 Mar, Nauryz 21-22
 *   Mar -> 24-25 Mar, 9 May -> 11 May, 30 Aug -> 31 Aug, 25 Oct -> 26 Oct). No decreed transfers
 *   were known when this was written; ASSUMED none.
 * - 2027: holidays by law, Kurban Ait 16 May per the brief (the Spiritual Administration of
 *   Muslims announces the exact date; re-check). Decreed transfers are not published yet;
 *   ASSUMED none. Update this entry when the order appears.
 */
import type { LocalizedText } from '../language.js';
import type { LocalDate, Weekday } from '../time/local-date.js';

export type HolidayId =
  | 'new_year'
  | 'orthodox_christmas'
  | 'womens_day'
  | 'nauryz'
  | 'unity_day'
  | 'defender_day'
  | 'victory_day'
  | 'capital_day'
  | 'constitution_day'
  | 'republic_day'
  | 'independence_day'
  | 'kurban_ait';

/**
 * `national` and `state` holidays are "праздничные дни": a rest day that falls on them moves to
 * the next working day. `religious` ones are plain days off and never move.
 */
export type HolidayKind = 'national' | 'state' | 'religious';

export interface HolidayDefinition {
  kind: HolidayKind;
  name: LocalizedText;
}

export const HOLIDAYS: Readonly<Record<HolidayId, HolidayDefinition>> = {
  new_year: { kind: 'state', name: { kk: 'Жаңа жыл', ru: 'Новый год', en: 'New Year' } },
  orthodox_christmas: {
    kind: 'religious',
    name: { kk: 'Православиелік Рождество', ru: 'Православное Рождество', en: 'Orthodox Christmas' },
  },
  womens_day: {
    kind: 'state',
    name: { kk: 'Халықаралық әйелдер күні', ru: 'Международный женский день', en: "International Women's Day" },
  },
  nauryz: { kind: 'state', name: { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz' } },
  unity_day: {
    kind: 'state',
    name: {
      kk: 'Қазақстан халқының бірлігі мерекесі',
      ru: 'Праздник единства народа Казахстана',
      en: 'Unity Day of the People of Kazakhstan',
    },
  },
  defender_day: {
    kind: 'state',
    name: { kk: 'Отан қорғаушы күні', ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' },
  },
  victory_day: { kind: 'state', name: { kk: 'Жеңіс күні', ru: 'День Победы', en: 'Victory Day' } },
  capital_day: { kind: 'state', name: { kk: 'Астана күні', ru: 'День столицы', en: 'Capital Day' } },
  constitution_day: {
    kind: 'state',
    name: {
      kk: 'Қазақстан Республикасының Конституциясы күні',
      ru: 'День Конституции Республики Казахстан',
      en: 'Constitution Day',
    },
  },
  republic_day: { kind: 'national', name: { kk: 'Республика күні', ru: 'День Республики', en: 'Republic Day' } },
  independence_day: {
    kind: 'national',
    name: { kk: 'Тәуелсіздік күні', ru: 'День Независимости', en: 'Independence Day' },
  },
  kurban_ait: {
    kind: 'religious',
    name: { kk: 'Құрбан айттың бірінші күні', ru: 'Первый день Курбан айта', en: 'Kurban Ait (first day)' },
  },
};

export interface PublicHoliday {
  date: LocalDate;
  holiday: HolidayId;
}

/** A decreed swap: `dayOff` (a working day) becomes a rest day, `workingDay` (a rest day) becomes working. */
export interface DayOffTransfer {
  dayOff: LocalDate;
  workingDay: LocalDate;
  /** The act that decreed it, for audit. */
  basis: string;
}

export interface HolidayYear {
  holidays: readonly PublicHoliday[];
  transfers: readonly DayOffTransfer[];
}

export interface PublicHolidayCalendarData {
  /** Weekly rest days of the five-day week state bodies work. */
  weeklyRestDays: readonly Weekday[];
  /** Only these years are known; asking about any other year is an error, never a silent guess. */
  years: Readonly<Record<number, HolidayYear>>;
}

export const KAZAKHSTAN_PUBLIC_HOLIDAYS: PublicHolidayCalendarData = {
  weeklyRestDays: ['saturday', 'sunday'],
  years: {
    2025: {
      holidays: [
        { date: '2025-01-01', holiday: 'new_year' },
        { date: '2025-01-02', holiday: 'new_year' },
        { date: '2025-01-07', holiday: 'orthodox_christmas' },
        { date: '2025-03-08', holiday: 'womens_day' },
        { date: '2025-03-21', holiday: 'nauryz' },
        { date: '2025-03-22', holiday: 'nauryz' },
        { date: '2025-03-23', holiday: 'nauryz' },
        { date: '2025-05-01', holiday: 'unity_day' },
        { date: '2025-05-07', holiday: 'defender_day' },
        { date: '2025-05-09', holiday: 'victory_day' },
        { date: '2025-06-06', holiday: 'kurban_ait' },
        { date: '2025-07-06', holiday: 'capital_day' },
        { date: '2025-08-30', holiday: 'constitution_day' },
        { date: '2025-10-25', holiday: 'republic_day' },
        { date: '2025-12-16', holiday: 'independence_day' },
      ],
      transfers: [
        {
          dayOff: '2025-01-03',
          workingDay: '2025-01-05',
          basis: 'Order of the Minister of Labour and Social Protection (November 2024), as announced by the Ministry',
        },
      ],
    },
    2026: {
      holidays: [
        { date: '2026-01-01', holiday: 'new_year' },
        { date: '2026-01-02', holiday: 'new_year' },
        { date: '2026-01-07', holiday: 'orthodox_christmas' },
        { date: '2026-03-08', holiday: 'womens_day' },
        { date: '2026-03-21', holiday: 'nauryz' },
        { date: '2026-03-22', holiday: 'nauryz' },
        { date: '2026-03-23', holiday: 'nauryz' },
        { date: '2026-05-01', holiday: 'unity_day' },
        { date: '2026-05-07', holiday: 'defender_day' },
        { date: '2026-05-09', holiday: 'victory_day' },
        { date: '2026-05-27', holiday: 'kurban_ait' },
        { date: '2026-07-06', holiday: 'capital_day' },
        { date: '2026-08-30', holiday: 'constitution_day' },
        { date: '2026-10-25', holiday: 'republic_day' },
        { date: '2026-12-16', holiday: 'independence_day' },
      ],
      transfers: [],
    },
    2027: {
      holidays: [
        { date: '2027-01-01', holiday: 'new_year' },
        { date: '2027-01-02', holiday: 'new_year' },
        { date: '2027-01-07', holiday: 'orthodox_christmas' },
        { date: '2027-03-08', holiday: 'womens_day' },
        { date: '2027-03-21', holiday: 'nauryz' },
        { date: '2027-03-22', holiday: 'nauryz' },
        { date: '2027-03-23', holiday: 'nauryz' },
        { date: '2027-05-01', holiday: 'unity_day' },
        { date: '2027-05-07', holiday: 'defender_day' },
        { date: '2027-05-09', holiday: 'victory_day' },
        { date: '2027-05-16', holiday: 'kurban_ait' },
        { date: '2027-07-06', holiday: 'capital_day' },
        { date: '2027-08-30', holiday: 'constitution_day' },
        { date: '2027-10-25', holiday: 'republic_day' },
        { date: '2027-12-16', holiday: 'independence_day' },
      ],
      transfers: [],
    },
  },
};
