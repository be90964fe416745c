/**
 * An official's free times for one week, as a calendar (a real table: days are column headers,
 * times are row headers) or as a list grouped by day; the reader chooses (radios, so arrow keys
 * switch). Every free time is a button whose name says the day, the time and the kind of reception.
 */
import { useEffect, useRef } from 'react';
import { api, ok } from '../api/client';
import type { FreeSlot, FreeSlotsDay } from '../api/views';
import { addDays, isoWeekday, mondayOf, todayInAlmaty, useI18n } from '../i18n/i18n';
import { useLoad } from '../hooks';
import { useLive } from '../live';
import { Button } from './Button';
import { RadioGroup } from './Fields';
import { Notice } from './Notice';
import { problemText } from './problems';

export type SlotView = 'calendar' | 'list';

/** How far ahead one can page (weeks after the current one). */
const MAX_WEEKS_AHEAD = 12;

const fetchDays = async (officialId: string, from: string, to: string): Promise<FreeSlotsDay[]> => {
  if (to < from) return [];
  const result = await ok(
    api.GET('/api/v1/officials/{officialId}/free-slots', { params: { path: { officialId }, query: { from, to } } }),
  );
  return result.days;
};

export const SlotPicker = ({
  officialId,
  view,
  onViewChange,
  week,
  onWeekChange,
  onChoose,
  busy,
  reloadKey,
}: {
  officialId: string;
  view: SlotView;
  onViewChange: (view: SlotView) => void;
  /** Monday of the week shown; null: the week of the first free time. */
  week: string | null;
  onWeekChange: (monday: string) => void;
  onChoose: (date: string, slot: FreeSlot) => void;
  busy: boolean;
  reloadKey: number;
}) => {
  const { t, fmt } = useI18n();
  const { announce } = useLive();
  const today = todayInAlmaty();
  const thisWeek = mondayOf(today);
  const lastWeek = addDays(thisWeek, 7 * MAX_WEEKS_AHEAD);

  // No week chosen yet: look 31 days ahead and open the week of the first free time.
  const first = useLoad(
    async () => (week ? null : fetchDays(officialId, today, addDays(today, 30))),
    [officialId, week === null],
  );
  useEffect(() => {
    if (week === null && first.data) onWeekChange(mondayOf(first.data[0]?.date ?? today));
  }, [week, first.data, onWeekChange, today]);

  const monday = week ?? thisWeek;
  const sunday = addDays(monday, 6);
  const slots = useLoad(
    async () => (week ? fetchDays(officialId, monday < today ? today : monday, sunday) : null),
    [officialId, week, reloadKey],
  );

  // Say what the new week holds when the reader pages (not on the first load).
  const paged = useRef(false);
  useEffect(() => {
    if (!paged.current || !slots.data) return;
    paged.current = false;
    const count = slots.data.reduce((n, d) => n + d.slots.length, 0);
    announce(t('slots.weekAnnouncement', { from: fmt.day(monday), count: fmt.number(count) }));
  }, [slots.data, announce, t, fmt, monday]);

  const goWeek = (next: string) => {
    paged.current = true;
    onWeekChange(next);
  };

  const error = first.error ?? slots.error;
  const days = slots.data ?? [];
  const byDate = new Map(days.map((d) => [d.date, d.slots]));
  const columns = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).filter(
    (d) => isoWeekday(d) <= 5 || (byDate.get(d)?.length ?? 0) > 0,
  );
  const times = [...new Set(days.flatMap((d) => d.slots.map((s) => s.start)))].sort();
  const total = days.reduce((n, d) => n + d.slots.length, 0);

  const slotButton = (date: string, slot: FreeSlot, inList: boolean) => (
    <Button
      variant="secondary"
      className={inList ? 'slot-button slot-button-wide' : 'slot-button'}
      busy={busy}
      onClick={() => onChoose(date, slot)}
    >
      <span className="visually-hidden">{fmt.date(date)}, </span>
      <span className="slot-time">
        {fmt.time(date, slot.start)}
        <span className={inList ? undefined : 'visually-hidden'}>–{fmt.time(date, slot.end)}</span>
      </span>
      <span className="slot-meta">{t(slot.mode === 'remote' ? 'mode.remote' : 'mode.in_person')}</span>
      {slot.capacity > 1 ? <span className="slot-meta">{t('slots.freeSeats', { count: fmt.number(slot.free) })}</span> : null}
    </Button>
  );

  return (
    <section aria-labelledby="slots-title" className="slot-picker">
      <h2 id="slots-title">{t('slots.title')}</h2>
      <RadioGroup
        id="slot-view"
        legend={t('slots.viewLegend')}
        inline
        value={view}
        onChange={(v) => onViewChange(v === 'list' ? 'list' : 'calendar')}
        options={[
          { value: 'calendar', label: t('slots.viewCalendar') },
          { value: 'list', label: t('slots.viewList') },
        ]}
      />
      <nav className="week-nav" aria-label={t('slots.weekNav')}>
        <Button variant="secondary" onClick={() => goWeek(addDays(monday, -7))} busy={monday <= thisWeek || week === null}>
          <span aria-hidden="true">← </span>
          {t('slots.previousWeek')}
        </Button>
        <p className="week-range">
          {t('slots.weekRange', { from: fmt.dayShort(monday), to: fmt.dayShort(sunday) })}
        </p>
        <Button variant="secondary" onClick={() => goWeek(addDays(monday, 7))} busy={monday >= lastWeek || week === null}>
          {t('slots.nextWeek')}
          <span aria-hidden="true"> →</span>
        </Button>
      </nav>

      {error ? (
        <Notice kind="error">
          <p>{problemText(error, t)}</p>
        </Notice>
      ) : week === null || slots.loading ? (
        <p className="loading">{t('common.loading')}</p>
      ) : total === 0 ? (
        <p className="empty">{t('slots.noneThisWeek')}</p>
      ) : view === 'calendar' ? (
        <div className="table-scroll" role="region" aria-labelledby="slots-caption" tabIndex={0}>
          <table className="slot-grid">
            <caption id="slots-caption">
              {t('slots.calendarCaption', { from: fmt.day(monday), to: fmt.day(sunday) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('slots.timeColumn')}</th>
                {columns.map((d) => (
                  <th scope="col" key={d}>
                    {fmt.dayShort(d)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {times.map((time) => (
                <tr key={time}>
                  <th scope="row">{fmt.time(monday, time)}</th>
                  {columns.map((d) => {
                    const slot = byDate.get(d)?.find((s) => s.start === time);
                    return (
                      <td key={d}>
                        {slot ? (
                          slotButton(d, slot, false)
                        ) : (
                          <>
                            <span aria-hidden="true" className="slot-empty">
                              ·
                            </span>
                            <span className="visually-hidden">{t('slots.notFree')}</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="slot-days">
          {days.map((day) => (
            <section key={day.date} aria-labelledby={`day-${day.date}`} className="slot-day">
              <h3 id={`day-${day.date}`}>{fmt.date(day.date)}</h3>
              <ul className="slot-list">
                {day.slots.map((slot) => (
                  <li key={slot.start}>{slotButton(day.date, slot, true)}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
};
