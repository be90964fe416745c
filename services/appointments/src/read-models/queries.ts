/**
 * What the HTTP side reads: offices, officials with their reception hours, free slots, a
 * citizen's bookings, an official's agenda. Everything comes from the read model (eventually
 * consistent with the event store); decisions (holding a slot, confirming) never rely on it - the
 * calendar aggregate refuses a full or unknown slot.
 *
 * Instants are returned in Kazakhstan time (`+05:00`), dates as `YYYY-MM-DD`, times as `HH:mm`.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  DomainError,
  addDays,
  addMinutes,
  daysBetween,
  epochMsOf,
  instantFromEpochMs,
  instantOf,
  isDomainError,
  isLocalDate,
  kazakhstanWorkingDays,
  slotsFor,
  type BookingChannel,
  type Instant,
  type Language,
  type LocalDate,
  type LocalTime,
  type LocalizedText,
  type OfficialRank,
  type ReceptionMode,
  type ReceptionOutcome,
  type ReceptionRule,
  type ReceptionScheduleState,
  type WorkingDayCalendar,
} from '../domain/index.js';
import {
  BookingView,
  OfficeView,
  OfficialDirectoryView,
  OfficialScheduleView,
  OpenedDayView,
  SeatView,
  type BookingViewStatus,
  type DayOverrideView,
  type OfficeKind,
} from './entities.js';
import { upsertOffices, type OfficeRecord } from './offices.js';

/** Longest free-slot window, both ends included (`from` .. `from + 30`). */
export const MAX_FREE_SLOT_DAYS = 31;
/** A remote reception can be joined this many minutes before it starts. */
export const JOIN_OPENS_MINUTES_BEFORE = 10;

export interface OfficeDto {
  officeId: string;
  kind: OfficeKind;
  name: LocalizedText;
  address: LocalizedText;
  regionCode: string;
}

export interface OfficialDto {
  officialId: string;
  /** Null only while the official's registration has not reached the read model yet. */
  officeId: string | null;
  rank: OfficialRank | null;
  /** Null while the directory lags behind, or when the stored name was erased. */
  displayName: LocalizedText | null;
  /** Rules in force (published, not withdrawn), ordered by start of validity, weekday and time. */
  receptionRules: ReceptionRule[];
}

export interface OfficialDetailDto extends OfficialDto {
  /** One-off changes by date (cancelled days, extra hours), recent and future ones. */
  dayOverrides: Record<LocalDate, DayOverrideView>;
}

export interface FreeSlotDto {
  start: LocalTime;
  end: LocalTime;
  mode: ReceptionMode;
  officeId?: string;
  capacity: number;
  free: number;
}

export interface FreeSlotsDayDto {
  date: LocalDate;
  slots: FreeSlotDto[];
}

export interface BookingDto {
  bookingId: string;
  citizenRef: string;
  officialId: string;
  officeId?: string;
  date: LocalDate;
  slotStart: LocalTime;
  slotEnd: LocalTime;
  startsAt: Instant;
  endsAt: Instant;
  mode: ReceptionMode;
  status: BookingViewStatus;
  channel?: BookingChannel;
  language?: Language;
  joinUrl?: string;
  /** For a confirmed (or started) remote reception: when the citizen page opens the call. */
  joinOpensAt?: Instant;
  /** While held. */
  holdExpiresAt?: Instant;
  cancelledBy?: 'citizen' | 'official' | 'office';
  outcome?: ReceptionOutcome;
  followUpRequested: boolean;
  updatedAt: Instant;
}

export interface CitizenBookingDto extends BookingDto {
  /** Held, confirmed or in progress and not over yet; these come first, soonest first. */
  upcoming: boolean;
}

const RANK_ORDER: Record<string, number> = { head: 0, deputy: 1, department_head: 2 };
const ACTIVE: readonly string[] = ['held', 'confirmed', 'in_progress'];

const iso = (date: Date): Instant => instantFromEpochMs(date.getTime());
const msOf = (now: Instant | Date): number => (typeof now === 'string' ? epochMsOf(now) : now.getTime());

const byRuleOrder = (a: ReceptionRule, b: ReceptionRule): number =>
  a.validFrom.localeCompare(b.validFrom) ||
  (a.weekday ?? '').localeCompare(b.weekday ?? '') ||
  a.start.localeCompare(b.start) ||
  a.ruleId.localeCompare(b.ruleId);

const bookingDto = (row: BookingView): BookingDto => {
  const startsAt = iso(row.startsAt);
  const remoteJoinable =
    row.mode === 'remote' && (row.status === 'confirmed' || row.status === 'in_progress');
  return {
    bookingId: row.bookingId,
    citizenRef: row.citizenRef,
    officialId: row.officialId,
    ...(row.officeId ? { officeId: row.officeId } : {}),
    date: row.date,
    slotStart: row.slotStart,
    slotEnd: row.slotEnd,
    startsAt,
    endsAt: iso(row.endsAt),
    mode: row.mode as ReceptionMode,
    status: row.status as BookingViewStatus,
    ...(row.channel ? { channel: row.channel as BookingChannel } : {}),
    ...(row.language ? { language: row.language as Language } : {}),
    ...(row.joinUrl ? { joinUrl: row.joinUrl } : {}),
    ...(remoteJoinable ? { joinOpensAt: addMinutes(startsAt, -JOIN_OPENS_MINUTES_BEFORE) } : {}),
    ...(row.status === 'held' && row.holdExpiresAt ? { holdExpiresAt: iso(row.holdExpiresAt) } : {}),
    ...(row.cancelledBy ? { cancelledBy: row.cancelledBy as BookingDto['cancelledBy'] & string } : {}),
    ...(row.outcome ? { outcome: row.outcome as ReceptionOutcome } : {}),
    followUpRequested: row.followUpRequested,
    updatedAt: iso(row.updatedAt),
  };
};

/** The `ReceptionScheduleState` the domain's `slotsFor` expects, rebuilt from the view row. */
export const scheduleStateOf = (row: OfficialScheduleView): ReceptionScheduleState => ({
  ...(row.officeId && row.rank
    ? {
        official: {
          officialId: row.officialId,
          officeId: row.officeId,
          rank: row.rank as OfficialRank,
          displayName: { kk: '', ru: '', en: '' }, // not needed for slots (and not in this table)
        },
      }
    : {}),
  rules: Object.fromEntries(row.rules.map((rule) => [rule.ruleId, rule])),
  withdrawnRuleIds: [],
  days: Object.fromEntries(
    Object.entries(row.dayOverrides).map(([date, day]) => [date, { cancelled: day.cancelled, extraHours: day.extraHours }]),
  ),
});

export class AppointmentsQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly calendar: Pick<WorkingDayCalendar, 'isWorkingDay'> = kazakhstanWorkingDays,
  ) {}

  private em() {
    return this.orm.em.fork();
  }

  /** Inserts or updates one office (reference data; used by the demo seed). */
  async upsertOffice(office: OfficeRecord): Promise<void> {
    await upsertOffices(this.orm, [office]);
  }

  /** Inserts or updates offices by id; returns how many were written. */
  upsertOffices(offices: readonly OfficeRecord[]): Promise<number> {
    return upsertOffices(this.orm, offices);
  }

  /** All offices, by region and id. */
  async offices(): Promise<OfficeDto[]> {
    const rows = await this.em().find(OfficeView, {}, { orderBy: { regionCode: 'asc', officeId: 'asc' } });
    return rows.map((row) => ({
      officeId: row.officeId,
      kind: row.kind as OfficeKind,
      name: row.name,
      address: row.address,
      regionCode: row.regionCode,
    }));
  }

  /** Officials (optionally of one office) with names and reception rules; by office, rank, id. */
  async officials(filter: { officeId?: string } = {}): Promise<OfficialDto[]> {
    const em = this.em();
    const where = filter.officeId ? { officeId: filter.officeId } : {};
    const [directory, schedules] = await Promise.all([
      em.find(OfficialDirectoryView, where),
      em.find(OfficialScheduleView, where),
    ]);
    const ids = new Set([...directory.map((d) => d.officialId), ...schedules.map((s) => s.officialId)]);
    const names = new Map(directory.map((d) => [d.officialId, d]));
    const hours = new Map(schedules.map((s) => [s.officialId, s]));
    // An official whose schedule row says another office (a transfer not seen by both yet) is
    // listed once, under the office the directory knows.
    const officials = [...ids].map((id) => this.officialDto(id, names.get(id), hours.get(id)));
    return officials.sort(
      (a, b) =>
        (a.officeId ?? '').localeCompare(b.officeId ?? '') ||
        (RANK_ORDER[a.rank ?? ''] ?? 9) - (RANK_ORDER[b.rank ?? ''] ?? 9) ||
        a.officialId.localeCompare(b.officialId),
    );
  }

  /** One official with the day overrides, or null when unknown. */
  async official(officialId: string): Promise<OfficialDetailDto | null> {
    const em = this.em();
    const [directory, schedule] = await Promise.all([
      em.findOne(OfficialDirectoryView, { officialId }),
      em.findOne(OfficialScheduleView, { officialId }),
    ]);
    if (!directory && !schedule) return null;
    return { ...this.officialDto(officialId, directory ?? undefined, schedule ?? undefined), dayOverrides: schedule?.dayOverrides ?? {} };
  }

  private officialDto(
    officialId: string,
    directory: OfficialDirectoryView | undefined,
    schedule: OfficialScheduleView | undefined,
  ): OfficialDto {
    return {
      officialId,
      officeId: directory?.officeId ?? schedule?.officeId ?? null,
      rank: ((directory?.rank ?? schedule?.rank) as OfficialRank | undefined) ?? null,
      displayName: directory?.displayName ?? null,
      receptionRules: [...(schedule?.rules ?? [])].sort(byRuleOrder),
    };
  }

  /**
   * Bookable slots per date from `from` to `to` (both included, at most 31 days): the slots the
   * schedule gives (`slotsFor`, working days only) less the seats taken - booked, or held with a
   * hold that has not expired at `now`. Only slots with a free seat that start after `now`; dates
   * without any are left out. Dates the holiday calendar does not cover offer nothing.
   *
   * The slots of a day that was already opened are frozen in its calendar; a rule changed after
   * that is reflected here but not there (holding such a slot is refused by the calendar).
   */
  async freeSlots(officialId: string, from: LocalDate, to: LocalDate, now: Instant | Date = new Date()): Promise<FreeSlotsDayDto[]> {
    if (!isLocalDate(from)) throw new DomainError('INVALID_DATE', { field: 'from' });
    if (!isLocalDate(to)) throw new DomainError('INVALID_DATE', { field: 'to' });
    const span = daysBetween(from, to);
    if (span < 0 || span >= MAX_FREE_SLOT_DAYS) throw new DomainError('INVALID_DATE', { field: 'to' });
    const nowMs = msOf(now);

    const em = this.em();
    const row = await em.findOne(OfficialScheduleView, { officialId });
    if (!row?.officeId) throw new DomainError('OFFICIAL_NOT_REGISTERED', { field: 'officialId' });
    const taken = await em.find(
      SeatView,
      {
        officialId,
        date: { $gte: from, $lte: to },
        $or: [{ status: 'booked' }, { status: 'held', holdExpiresAt: { $gt: new Date(nowMs) } }],
      },
      { fields: ['date', 'slotStart'] },
    );
    const takenBySlot = new Map<string, number>();
    for (const seat of taken) {
      const key = `${seat.date} ${seat.slotStart}`;
      takenBySlot.set(key, (takenBySlot.get(key) ?? 0) + 1);
    }

    const schedule = scheduleStateOf(row);
    // An opened day's slots are frozen in its calendar: show those, not what the rules say now.
    const opened = new Map(
      (await em.find(OpenedDayView, { officialId, date: { $gte: from, $lte: to } })).map((d) => [d.date, d]),
    );
    const days: FreeSlotsDayDto[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      let slots;
      try {
        const openedDay = opened.get(date);
        slots = openedDay ? (openedDay.closed ? [] : openedDay.slots) : slotsFor(schedule, date, this.calendar);
      } catch (error) {
        if (isDomainError(error) && error.code === 'CALENDAR_NOT_COVERED') continue;
        throw error;
      }
      const free: FreeSlotDto[] = [];
      for (const slot of slots) {
        if (epochMsOf(instantOf(date, slot.start)) <= nowMs) continue;
        const left = slot.capacity - (takenBySlot.get(`${date} ${slot.start}`) ?? 0);
        if (left <= 0) continue;
        free.push({
          start: slot.start,
          end: slot.end,
          mode: slot.mode,
          ...(slot.officeId ? { officeId: slot.officeId } : {}),
          capacity: slot.capacity,
          free: left,
        });
      }
      if (free.length) days.push({ date, slots: free });
    }
    return days;
  }

  /**
   * A citizen's bookings: upcoming ones first (soonest first), then the rest (latest first).
   * Lapsed holds, and holds already past their expiry, are left out.
   */
  async citizenBookings(citizenRef: string, now: Instant | Date = new Date()): Promise<CitizenBookingDto[]> {
    const nowMs = msOf(now);
    // The latest 500 (a citizen has a handful; the cap only bounds the work), latest first.
    const rows = await this.em().find(
      BookingView,
      { citizenRef, status: { $ne: 'lapsed' } },
      { orderBy: { startsAt: 'desc', bookingId: 'desc' }, limit: 500 },
    );
    const visible = rows.filter((row) => !(row.status === 'held' && row.holdExpiresAt && row.holdExpiresAt.getTime() <= nowMs));
    const withFlag = visible.map((row) => ({
      ...bookingDto(row),
      upcoming: ACTIVE.includes(row.status) && row.endsAt.getTime() > nowMs,
    }));
    const upcoming = withFlag.filter((b) => b.upcoming).reverse();
    const past = withFlag.filter((b) => !b.upcoming);
    return [...upcoming, ...past];
  }

  /** An official's day: every booking that is not a lapsed hold, by slot. */
  async agenda(officialId: string, date: LocalDate): Promise<BookingDto[]> {
    if (!isLocalDate(date)) throw new DomainError('INVALID_DATE', { field: 'date' });
    const rows = await this.em().find(
      BookingView,
      { officialId, date, status: { $ne: 'lapsed' } },
      { orderBy: { slotStart: 'asc', startsAt: 'asc', bookingId: 'asc' } },
    );
    return rows.map(bookingDto);
  }

  /** One booking, or null. */
  async booking(bookingId: string): Promise<BookingDto | null> {
    const row = await this.em().findOne(BookingView, { bookingId });
    return row ? bookingDto(row) : null;
  }
}
