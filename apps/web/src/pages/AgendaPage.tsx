import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ok } from '../api/client';
import { loadOffices } from '../api/directory';
import { followUpRequested, type Booking, type BookingListItem, type Outcome } from '../api/views';
import { BookingFacts, useWhen } from '../components/BookingFacts';
import { Button } from '../components/Button';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { errorOf, formErrorsOf, problemText } from '../components/problems';
import { useLoad } from '../hooks';
import { addDays, todayInAlmaty, useI18n } from '../i18n/i18n';
import { useLive, type Flash } from '../live';
import { useRouter, useSearchParam } from '../router';
import { useSession } from '../session';
import { useBookingOverrides } from './overrides';

/**
 * A booking of the day: the agenda's item (no purpose, summary or video link) completed by the
 * booking itself when it could be read, or a booking as a command just answered it.
 */
type AgendaBooking = BookingListItem | Booking;

const OUTCOMES: Outcome[] = ['resolved', 'explained', 'redirected', 'appeal_needed'];
const SUMMARY_MAX = 4000;

/** Records the outcome of one reception (after it started). */
const OutcomeForm = ({ booking, onDone }: { booking: Pick<AgendaBooking, 'bookingId'>; onDone: (b: Booking) => void }) => {
  const { t, lang } = useI18n();
  const { announce } = useLive();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const id = booking.bookingId;
  const fields = { outcome: `outcome-${id}`, summary: `summary-${id}` };
  useEffect(() => setErrors([]), [lang]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local: FormError[] = [];
    if (!outcome) local.push({ fieldId: fields.outcome, message: t('agenda.outcomeRequired') });
    if (!summary.trim()) local.push({ fieldId: fields.summary, message: t('agenda.summaryRequired') });
    if (local.length) {
      setErrors(local);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const done = await ok(
        api.POST('/api/v1/bookings/{bookingId}/outcome', {
          params: { path: { bookingId: id } },
          body: { outcome: outcome as Outcome, summary: summary.trim() },
        }),
      );
      onDone(done);
    } catch (error) {
      setErrors(formErrorsOf(error, fields, t));
      setAttempt((n) => n + 1);
      announce(problemText(error, t), 'assertive');
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="form outcome-form" aria-labelledby={`outcome-title-${id}`}>
      <h4 id={`outcome-title-${id}`}>{t('agenda.outcomeTitle')}</h4>
      <ErrorSummary errors={errors} attempt={attempt} id={`outcome-errors-${id}`} />
      <SelectField
        id={fields.outcome}
        label={t('agenda.outcome')}
        error={errorOf(errors, fields.outcome)}
        value={outcome}
        onChange={(e) => setOutcome(OUTCOMES.find((o) => o === e.target.value) ?? '')}
        options={[{ value: '', label: t('agenda.chooseOutcome') }, ...OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))]}
      />
      <TextAreaField
        id={fields.summary}
        label={t('agenda.summary')}
        hint={t('agenda.summaryHint')}
        error={errorOf(errors, fields.summary)}
        value={summary}
        rows={3}
        maxLength={SUMMARY_MAX}
        onChange={(e) => setSummary(e.target.value)}
      />
      <Button type="submit" busy={busy}>
        {t('agenda.saveOutcome')}
      </Button>
    </form>
  );
};

/** The official's day: bookings by time, remote start/end, outcome, follow-up appeal. */
export const AgendaPage = () => {
  const { t, fmt } = useI18n();
  const { session } = useSession();
  const { announce } = useLive();
  const { navigate } = useRouter();
  const when = useWhen();
  const officialId = session!.user.officialId!;
  const dateParam = useSearchParam('date');
  const today = todayInAlmaty();
  const date = dateParam && /^\d{4}-\d{2}-\d{2}$/.test(dateParam) ? dateParam : today;
  const [dateInput, setDateInput] = useState(date);
  const [busy, setBusy] = useState<string | null>(null);
  const [flash, setFlash] = useState<Flash | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => setDateInput(date), [date]);
  useEffect(() => {
    if (flash) notice.current?.focus();
  }, [flash]);

  const data = useLoad(async () => {
    const [agenda, offices] = await Promise.all([
      ok(api.GET('/api/v1/officials/{officialId}/agenda', { params: { path: { officialId }, query: { date } } })),
      loadOffices(),
    ]);
    // The booking itself carries the citizen's purpose, the video link and the latest state.
    const details = await Promise.all(
      agenda.bookings.map((b) =>
        ok(api.GET('/api/v1/bookings/{bookingId}', { params: { path: { bookingId: b.bookingId } } })).then(
          (d): AgendaBooking => ({ ...b, ...d }),
          () => b,
        ),
      ),
    );
    return { bookings: details, offices };
  }, [officialId, date]);
  const { merged, remember } = useBookingOverrides(data.data?.bookings, data.reload);
  const bookings = merged.filter((b) => b.date === date).sort((a, b) => a.slotStart.localeCompare(b.slotStart));

  const show = (next: Flash) => {
    setFlash(next);
    announce(next.text, next.kind === 'error' ? 'assertive' : 'polite');
  };

  const act = async (booking: AgendaBooking, action: 'remote/start' | 'remote/end' | 'follow-up' | 'no-show', doneKey: Parameters<typeof t>[0]) => {
    if (busy) return;
    setBusy(`${action}-${booking.bookingId}`);
    const params = { params: { path: { bookingId: booking.bookingId } } };
    try {
      const call =
        action === 'remote/start'
          ? api.POST('/api/v1/bookings/{bookingId}/remote/start', params)
          : action === 'remote/end'
            ? api.POST('/api/v1/bookings/{bookingId}/remote/end', params)
            : action === 'follow-up'
              ? api.POST('/api/v1/bookings/{bookingId}/follow-up', params)
              : api.POST('/api/v1/bookings/{bookingId}/no-show', params);
      const updated = await ok(call);
      remember(updated);
      show({ kind: 'success', text: t(doneKey, { when: when(booking) }) });
    } catch (error) {
      show({ kind: 'error', text: problemText(error, t) });
    } finally {
      setBusy(null);
    }
  };

  const goDate = (next: string) => navigate(`/official/agenda?date=${next}`, { replace: true });

  const card = (b: AgendaBooking) => {
    const titleId = `agenda-${b.bookingId}`;
    const started = Date.parse(b.startsAt) <= Date.now();
    const remoteLive = b.mode === 'remote' && b.status === 'in_progress';
    const canRecord = (b.mode === 'remote' && b.status === 'in_progress') || (b.mode === 'in_person' && b.status === 'confirmed');
    return (
      <li key={b.bookingId} className="card booking-card">
        <article aria-labelledby={titleId}>
          <h3 id={titleId} className="card-title">
            {fmt.time(b.date, b.slotStart)}–{fmt.time(b.date, b.slotEnd)}
          </h3>
          <BookingFacts booking={b} showOfficial={false} showWhen={false} office={data.data?.offices.find((o) => o.officeId === b.officeId)} />
          {followUpRequested(b) ? <p className="badge-line">{t('agenda.followUpRequested')}</p> : null}
          <div className="actions">
            {b.mode === 'remote' && b.status === 'confirmed' ? (
              <Button busy={busy === `remote/start-${b.bookingId}`} onClick={() => void act(b, 'remote/start', 'agenda.started')}>
                {t('agenda.startRemote')}
                <span className="visually-hidden">: {when(b)}</span>
              </Button>
            ) : null}
            {remoteLive && b.joinUrl ? (
              <a className="button button-secondary" href={b.joinUrl} target="_blank" rel="noopener noreferrer">
                {t('agenda.openRoom')}
                <span className="visually-hidden"> ({t('common.newTab')})</span>
              </a>
            ) : null}
            {remoteLive ? (
              <Button variant="secondary" busy={busy === `remote/end-${b.bookingId}`} onClick={() => void act(b, 'remote/end', 'agenda.ended')}>
                {t('agenda.endRemote')}
                <span className="visually-hidden">: {when(b)}</span>
              </Button>
            ) : null}
            {b.mode === 'in_person' && b.status === 'confirmed' && started ? (
              <Button variant="secondary" busy={busy === `no-show-${b.bookingId}`} onClick={() => void act(b, 'no-show', 'agenda.noShowDone')}>
                {t('agenda.noShow')}
                <span className="visually-hidden">: {when(b)}</span>
              </Button>
            ) : null}
            {b.status === 'completed' && !followUpRequested(b) ? (
              <Button variant="secondary" busy={busy === `follow-up-${b.bookingId}`} onClick={() => void act(b, 'follow-up', 'agenda.followUpDone')}>
                {t('agenda.followUp')}
                <span className="visually-hidden">: {when(b)}</span>
              </Button>
            ) : null}
          </div>
          {canRecord ? (
            <OutcomeForm
              booking={b}
              onDone={(done) => {
                remember(done);
                show({ kind: 'success', text: t('agenda.outcomeSaved', { when: when(b) }) });
              }}
            />
          ) : null}
        </article>
      </li>
    );
  };

  const [dateErrors, setDateErrors] = useState<FormError[]>([]);
  const [dateAttempt, setDateAttempt] = useState(0);
  const submitDate = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateInput)) {
      setDateErrors([{ fieldId: 'agenda-date', message: t('hours.dateInvalid') }]);
      setDateAttempt((n) => n + 1);
      return;
    }
    setDateErrors([]);
    goDate(dateInput);
  };

  return (
    <Page title={t('agenda.title')} wide>
      {flash ? (
        <Notice kind={flash.kind} ref={notice}>
          <p>{flash.text}</p>
        </Notice>
      ) : null}
      <form className="form date-form" onSubmit={submitDate} noValidate aria-label={t('agenda.dateForm')}>
        <ErrorSummary errors={dateErrors} attempt={dateAttempt} id="date-errors" />
        <div className="field-row field-row-end">
          <TextField
            id="agenda-date"
            label={t('agenda.date')}
            type="date"
            error={errorOf(dateErrors, 'agenda-date')}
            value={dateInput}
            onChange={(e) => setDateInput(e.target.value)}
          />
          <Button type="submit">{t('agenda.show')}</Button>
        </div>
        <div className="actions">
          <Button variant="secondary" onClick={() => goDate(addDays(date, -1))}>
            <span aria-hidden="true">← </span>
            {t('agenda.previousDay')}
          </Button>
          <Button variant="secondary" onClick={() => goDate(today)}>
            {t('agenda.today')}
          </Button>
          <Button variant="secondary" onClick={() => goDate(addDays(date, 1))}>
            {t('agenda.nextDay')}
            <span aria-hidden="true"> →</span>
          </Button>
        </div>
      </form>
      <section aria-labelledby="agenda-day" aria-live="off">
        <h2 id="agenda-day">{fmt.date(date)}</h2>
        {data.error ? (
          <Notice kind="error">
            <p>{problemText(data.error, t)}</p>
          </Notice>
        ) : data.loading && !data.data ? (
          <p className="loading">{t('common.loading')}</p>
        ) : bookings.length === 0 ? (
          <p className="empty">{t('agenda.none')}</p>
        ) : (
          <ul className="cards">{bookings.map(card)}</ul>
        )}
      </section>
    </Page>
  );
};
