import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import { loadOffices, loadOfficials } from '../../api/directory';
import type { IssuedTicket } from '../../api/views';
import { Button } from '../../components/Button';
import { ErrorSummary, type FormError } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Fields';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { errorOf, problemText } from '../../components/problems';
import { useLoad } from '../../hooks';
import { todayInAlmaty, useI18n } from '../../i18n/i18n';
import { useLive } from '../../live';
import { Link, useRouter, useSearchParam } from '../../router';
import { useSession } from '../../session';
import {
  checkInPath,
  isDate,
  loadArrivals,
  loadSetup,
  normalizeReference,
  statsPath,
  type ExpectedArrival,
} from './common';
import './queue-pages.css';

const FIELDS = { office: 'checkin-office', date: 'checkin-date', search: 'checkin-search' };
/** Bookings confirmed a moment ago reach the list through appointments' events: look again now and then. */
const REFRESH_MS = 20_000;

/** Chooses the office and day (kept in the address). */
const OfficeDayChooser = ({ officeId, date }: { officeId: string; date: string }) => {
  const { t, pick } = useI18n();
  const { navigate } = useRouter();
  const [office, setOffice] = useState(officeId);
  const [day, setDay] = useState(date);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const offices = useLoad(() => loadOffices(), []);
  useEffect(() => {
    setOffice(officeId);
    setDay(date);
  }, [officeId, date]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isDate(day)) {
      setErrors([{ fieldId: FIELDS.date, message: t('hours.dateInvalid') }]);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors([]);
    navigate(checkInPath(office, day), { replace: true });
  };

  return (
    <form className="form console-chooser" onSubmit={submit} noValidate aria-labelledby="checkin-chooser-title">
      <h2 id="checkin-chooser-title" className="visually-hidden">
        {t('queue.checkIn.chooser')}
      </h2>
      <ErrorSummary errors={errors} attempt={attempt} id="checkin-chooser-errors" />
      <div className="field-row field-row-end">
        <SelectField
          id={FIELDS.office}
          label={t('queue.office')}
          value={office}
          onChange={(e) => setOffice(e.target.value)}
          options={(offices.data ?? []).map((o) => ({ value: o.officeId, label: pick(o.name) }))}
        />
        <TextField
          id={FIELDS.date}
          label={t('queue.date')}
          type="date"
          className="input-short"
          error={errorOf(errors, FIELDS.date)}
          value={day}
          onChange={(e) => setDay(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('queue.checkIn.show')}
        </Button>
      </div>
    </form>
  );
};

/**
 * The clerks' check-in screen: the office's expected appointment arrivals of the day (confirmed
 * in-person bookings, from appointments), a search by the booking reference the citizen shows, and
 * "check in", which issues a ticket with appointment priority (called before walk-in tickets). The
 * ticket's number is shown large enough to read out across a desk, and can be printed.
 *
 * Focus goes to the issued ticket after a check-in (and back to the search for the next one); every
 * result is announced in the live region (a refusal assertively) and shown on screen.
 */
export const CheckInPage = () => {
  const { t, pick, fmt } = useI18n();
  const { session } = useSession();
  const { announce } = useLive();
  const officeParam = useSearchParam('office');
  const dateParam = useSearchParam('date');
  const officeId = officeParam || session?.user.officeId || '';
  const date = isDate(dateParam) ? dateParam : todayInAlmaty();

  const arrivals = useLoad(
    () => (officeId ? loadArrivals(officeId, date) : Promise.resolve([] as ExpectedArrival[])),
    [officeId, date],
  );
  const setup = useLoad(() => (officeId ? loadSetup(officeId) : Promise.resolve(null)), [officeId]);
  const officials = useLoad(() => loadOfficials(), []);
  const { reload } = arrivals;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedTicket | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const ticketHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setIssued(null);
    setFailure(null);
    setQuery('');
  }, [officeId, date]);

  // The issued ticket takes focus, so the clerk (and a screen reader) lands on its number.
  useEffect(() => {
    if (issued) ticketHeading.current?.focus();
  }, [issued]);

  const all = useMemo(() => arrivals.data ?? [], [arrivals.data]);
  const wanted = normalizeReference(query);
  const shown = useMemo(
    () => (wanted ? all.filter((a) => normalizeReference(a.bookingId).includes(wanted)) : all),
    [all, wanted],
  );
  // Say how many match, once the clerk stops typing.
  useEffect(() => {
    if (!wanted) return undefined;
    const timer = window.setTimeout(
      () =>
        announce(
          shown.length === 0
            ? t('queue.checkIn.noMatch')
            : t('queue.checkIn.matches', { count: fmt.number(shown.length), total: fmt.number(all.length) }),
        ),
      600,
    );
    return () => window.clearTimeout(timer);
    // Only when the query or the list changes, not the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, shown.length, all.length]);

  const officialName = (officialId: string): string => {
    const official = officials.data?.find((o) => o.officialId === officialId);
    return official?.displayName ? pick(official.displayName) : officialId;
  };
  const serviceName = (serviceId: string | undefined): string => {
    const service = setup.data?.services.find((s) => s.serviceId === serviceId);
    return service ? pick(service.name) : (serviceId ?? '');
  };
  const slot = (a: ExpectedArrival) => `${fmt.time(date, a.slotStart)}–${fmt.time(date, a.slotEnd)}`;

  const checkIn = async (arrival: ExpectedArrival) => {
    if (busy) return;
    setBusy(arrival.bookingId);
    setFailure(null);
    try {
      const ticket = await ok(
        api.POST('/api/v1/queue/offices/{officeId}/days/{date}/check-ins', {
          params: { path: { officeId, date } },
          body: { bookingId: arrival.bookingId },
        }),
      );
      setIssued(ticket);
      announce(t('queue.checkIn.done', { number: ticket.number }));
      reload();
    } catch (error) {
      const text = problemText(error, t);
      setFailure(text);
      announce(text, 'assertive');
      reload();
    } finally {
      setBusy(null);
    }
  };

  const another = () => {
    setIssued(null);
    setQuery('');
    window.setTimeout(() => document.getElementById(FIELDS.search)?.focus(), 0);
  };

  return (
    <Page title={t('queue.checkIn.title')} wide>
      <p className="lead">{t('queue.checkIn.intro')}</p>
      <OfficeDayChooser officeId={officeId} date={date} />

      {issued ? (
        <section className="checkin-ticket card" aria-labelledby="checkin-ticket-title" data-testid="checkin-issued">
          <h2 id="checkin-ticket-title" ref={ticketHeading} tabIndex={-1} className="card-title">
            {t('queue.checkIn.issuedTitle')}
          </h2>
          <p className="ticket-number-label">{t('queue.ticket.number')}</p>
          <p className="checkin-ticket-number" translate="no" data-testid="checkin-ticket">
            {issued.number}
          </p>
          <dl className="facts">
            <div>
              <dt>{t('queue.take.service')}</dt>
              <dd>{serviceName(issued.serviceId)}</dd>
            </div>
            <div>
              <dt>{t('queue.take.priority')}</dt>
              <dd>{t(`queue.priority.${issued.priority}`)}</dd>
            </div>
            {issued.position !== null && issued.position > 0 ? (
              <div>
                <dt>{t('queue.checkIn.position')}</dt>
                <dd data-testid="checkin-position">{fmt.number(issued.position)}</dd>
              </div>
            ) : null}
          </dl>
          <p className="field-hint checkin-no-print">{t('queue.checkIn.issuedHint')}</p>
          <div className="actions checkin-no-print">
            <Button variant="secondary" onClick={() => window.print()}>
              {t('queue.checkIn.print')}
            </Button>
            <Button variant="secondary" onClick={another}>
              {t('queue.checkIn.another')}
            </Button>
          </div>
        </section>
      ) : null}
      {failure ? (
        <Notice kind="error">
          <p data-testid="checkin-error">{failure}</p>
        </Notice>
      ) : null}

      <section className="checkin-list" aria-labelledby="checkin-list-title">
        <h2 id="checkin-list-title">{t('queue.checkIn.listTitle')}</h2>
        <form
          className="form checkin-search"
          role="search"
          aria-label={t('queue.checkIn.search')}
          onSubmit={(e) => e.preventDefault()}
        >
          <TextField
            id={FIELDS.search}
            label={t('queue.checkIn.search')}
            hint={t('queue.checkIn.searchHint')}
            optional
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </form>
        <div className="actions">
          <Button variant="secondary" busy={arrivals.loading} onClick={reload}>
            {t('queue.checkIn.refresh')}
          </Button>
        </div>
        {arrivals.error ? (
          <Notice kind="error">
            <p>{problemText(arrivals.error, t)}</p>
          </Notice>
        ) : !arrivals.data ? (
          <p className="loading">{t('common.loading')}</p>
        ) : all.length === 0 ? (
          <p className="empty">{t('queue.checkIn.none')}</p>
        ) : (
          <>
            <p className="field-hint">
              {t('queue.checkIn.matches', { count: fmt.number(shown.length), total: fmt.number(all.length) })}
            </p>
            {shown.length === 0 ? (
              <p className="empty">{t('queue.checkIn.noMatch')}</p>
            ) : (
              <div className="table-scroll">
                <table className="data-table checkin-table">
                  <caption>{t('queue.checkIn.caption', { date: fmt.date(date) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('queue.checkIn.time')}</th>
                      <th scope="col">{t('queue.checkIn.official')}</th>
                      <th scope="col">{t('queue.checkIn.reference')}</th>
                      <th scope="col">{t('queue.checkIn.status')}</th>
                      <th scope="col">{t('queue.checkIn.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((a) => (
                      <tr key={a.bookingId} data-booking={a.bookingId}>
                        <th scope="row">{slot(a)}</th>
                        <td data-content="user">{officialName(a.officialId)}</td>
                        <td>
                          <code className="checkin-reference" translate="no">
                            {a.bookingId}
                          </code>
                        </td>
                        <td>
                          <span className={`badge badge-arrival-${a.status}`}>
                            {t(`queue.checkIn.status.${a.status}`)}
                          </span>
                        </td>
                        <td>
                          {a.status === 'expected' ? (
                            <Button
                              busy={busy === a.bookingId}
                              data-action="check-in"
                              aria-label={t('queue.checkIn.checkInLabel', { time: slot(a), reference: a.bookingId })}
                              onClick={() => void checkIn(a)}
                            >
                              {t('queue.checkIn.checkIn')}
                            </Button>
                          ) : a.status === 'checked_in' && a.number ? (
                            <span className="checkin-number" translate="no">
                              {a.number}
                            </span>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>

      {officeId ? (
        <p className="actions">
          <Link to={`/queue/console?office=${encodeURIComponent(officeId)}&date=${date}`}>
            {t('queue.checkIn.openConsole')}
          </Link>
          <Link to={statsPath(officeId, date)}>{t('queue.console.stats')}</Link>
        </p>
      ) : null}
    </Page>
  );
};
