import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { loadOffices } from '../../api/directory';
import { Button } from '../../components/Button';
import { ErrorSummary, type FormError } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Fields';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { errorOf, problemText } from '../../components/problems';
import { useLoad } from '../../hooks';
import { todayInAlmaty, useI18n } from '../../i18n/i18n';
import { Link, useRouter, useSearchParam } from '../../router';
import { boardPath, isDate, loadSetup, loadStats, statsPath, type ServiceStats } from './common';
import './queue-pages.css';

const FIELDS = { office: 'stats-office', date: 'stats-date' };

/**
 * Public statistics of an office's queue for one day, per service: tickets, visits finished,
 * median and 90th-percentile wait, median service time, no-shows. A table (the figures) and a bar
 * chart of the waits whose every bar carries its value as text, so nothing depends on seeing it.
 * Read from the queue's read model: a visit shows up a few seconds after it ends.
 */
export const QueueStatsPage = ({ officeId }: { officeId: string }) => {
  const { t, pick, fmt } = useI18n();
  const { navigate } = useRouter();
  const dateParam = useSearchParam('date');
  const date = isDate(dateParam) ? dateParam : todayInAlmaty();

  const offices = useLoad(() => loadOffices(), []);
  const setup = useLoad(() => loadSetup(officeId), [officeId]);
  const stats = useLoad(() => loadStats(officeId, date), [officeId, date]);

  const [office, setOffice] = useState(officeId);
  const [day, setDay] = useState(date);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
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
    navigate(statsPath(office, day), { replace: office === officeId });
  };

  const officeName = offices.data?.find((o) => o.officeId === officeId);
  const title = t('queue.stats.title', { office: officeName ? pick(officeName.name) : officeId });
  const serviceName = (serviceId: string): string => {
    const service = setup.data?.services.find((s) => s.serviceId === serviceId);
    return service ? t('queue.serviceOption', { prefix: service.prefix, name: pick(service.name) }) : serviceId;
  };
  const noQueue =
    (setup.error instanceof ApiError && setup.error.status === 404) ||
    (stats.data !== undefined && stats.data.services.length === 0);
  const services = stats.data?.services ?? [];
  const total = (pickNumber: (s: ServiceStats) => number) => services.reduce((sum, s) => sum + pickNumber(s), 0);
  const tickets = total((s) => s.tickets);

  /** A figure in minutes, or "no data yet" said in words (not a bare dash). */
  const minutes = (value: number | null): ReactNode =>
    value === null ? (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('queue.stats.noData')}</span>
      </>
    ) : (
      fmt.number(value)
    );
  const longest = Math.max(0, ...services.map((s) => s.waitP90Min ?? s.waitMedianMin ?? 0));
  /** A bar as long as `value` is of the longest wait (drawn with attributes: the page's CSP allows no inline style). */
  const bar = (value: number, kind: 'median' | 'p90') => (
    <svg className="stats-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect
        className={`stats-bar-${kind}`}
        x="0"
        y="0"
        height="10"
        width={longest > 0 ? Math.max(1, Math.round((value / longest) * 100)) : 0}
      />
    </svg>
  );

  return (
    <Page title={title} wide>
      <p className="lead">{t('queue.stats.intro')}</p>
      <form className="form console-chooser" onSubmit={submit} noValidate aria-labelledby="stats-chooser-title">
        <h2 id="stats-chooser-title" className="visually-hidden">
          {t('queue.checkIn.chooser')}
        </h2>
        <ErrorSummary errors={errors} attempt={attempt} id="stats-chooser-errors" />
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
            {t('queue.stats.show')}
          </Button>
        </div>
      </form>

      {stats.error ? (
        <Notice kind="error">
          <p>{problemText(stats.error, t)}</p>
        </Notice>
      ) : !stats.data ? (
        <p className="loading">{t('common.loading')}</p>
      ) : noQueue ? (
        <Notice kind="info">
          <p>{t('queue.noQueue')}</p>
        </Notice>
      ) : (
        <>
          <h2>{fmt.date(date)}</h2>
          <p data-testid="stats-total">
            {t('queue.stats.total', {
              tickets: fmt.number(tickets),
              served: fmt.number(total((s) => s.served ?? 0)),
              noShows: fmt.number(total((s) => s.noShows)),
            })}
          </p>
          {tickets === 0 ? <p className="empty">{t('queue.stats.empty')}</p> : null}
          <div className="table-scroll">
            <table className="data-table stats-table">
              <caption>{t('queue.stats.caption', { date: fmt.day(date) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('queue.stats.service')}</th>
                  <th scope="col">{t('queue.stats.tickets')}</th>
                  <th scope="col">{t('queue.stats.served')}</th>
                  <th scope="col">{t('queue.stats.waitMedian')}</th>
                  <th scope="col">{t('queue.stats.waitP90')}</th>
                  <th scope="col">{t('queue.stats.serviceMedian')}</th>
                  <th scope="col">{t('queue.stats.noShows')}</th>
                </tr>
              </thead>
              <tbody>
                {services.map((s) => (
                  <tr key={s.serviceId} data-service={s.serviceId}>
                    <th scope="row">{serviceName(s.serviceId)}</th>
                    <td data-stat="tickets">{fmt.number(s.tickets)}</td>
                    <td data-stat="served">{fmt.number(s.served ?? 0)}</td>
                    <td data-stat="waitMedianMin">{minutes(s.waitMedianMin)}</td>
                    <td data-stat="waitP90Min">{minutes(s.waitP90Min)}</td>
                    <td data-stat="serviceMedianMin">{minutes(s.serviceMedianMin)}</td>
                    <td data-stat="noShows">{fmt.number(s.noShows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <figure className="stats-chart">
            <figcaption className="stats-chart-title">{t('queue.stats.chartTitle')}</figcaption>
            <ul className="stats-bars">
              {services.map((s) => (
                <li key={s.serviceId} className="stats-bar-group">
                  <span className="stats-bar-label">{serviceName(s.serviceId)}</span>
                  {s.waitMedianMin === null ? (
                    <span className="stats-bar-none">{t('queue.stats.chartNone')}</span>
                  ) : (
                    <>
                      <span className="stats-bar-row">
                        {bar(s.waitMedianMin, 'median')}
                        <span className="stats-bar-value">
                          {t('queue.stats.chartMedian', { minutes: fmt.number(s.waitMedianMin) })}
                        </span>
                      </span>
                      {s.waitP90Min !== null ? (
                        <span className="stats-bar-row">
                          {bar(s.waitP90Min, 'p90')}
                          <span className="stats-bar-value">
                            {t('queue.stats.chartP90', { minutes: fmt.number(s.waitP90Min) })}
                          </span>
                        </span>
                      ) : null}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </figure>
        </>
      )}
      <p className="actions">
        <Link to={`/queue?office=${encodeURIComponent(officeId)}`}>{t('nav.takeTicket')}</Link>
        <Link to={boardPath(officeId)}>{t('queue.ticket.board')}</Link>
      </p>
    </Page>
  );
};
