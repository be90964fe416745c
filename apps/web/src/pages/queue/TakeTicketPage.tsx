import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError, ok } from '../../api/client';
import { loadOffices } from '../../api/directory';
import { CLAIMED_PRIORITIES, type ClaimedPriority, type Office } from '../../api/views';
import { Button } from '../../components/Button';
import { ErrorSummary, type FormError } from '../../components/ErrorSummary';
import { RadioGroup, SelectField } from '../../components/Fields';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { errorOf, formErrorsOf, problemText } from '../../components/problems';
import { useLoad } from '../../hooks';
import { todayInAlmaty, useI18n } from '../../i18n/i18n';
import { useLive } from '../../live';
import { Link, useRouter, useSearchParam } from '../../router';
import { boardPath, loadSetup, rememberedTickets, rememberTicket, statsPath, ticketPath } from './common';
import { loadBoard } from './stream';

const FIELDS = { serviceId: 'ticket-service', priority: 'ticket-priority', officeId: 'ticket-office' };

/** The office a visitor most likely means: the one asked for, else a public service centre. */
const defaultOffice = (offices: Office[], asked: string | null): string =>
  (asked && offices.some((o) => o.officeId === asked) ? asked : undefined) ??
  offices.find((o) => o.kind === 'public_service_centre')?.officeId ??
  offices[0]?.officeId ??
  '';

/** A citizen takes a ticket of the electronic queue (no sign-in needed): office, service, priority. */
export const TakeTicketPage = () => {
  const { t, pick, fmt } = useI18n();
  const { announce } = useLive();
  const { navigate } = useRouter();
  const asked = useSearchParam('office');
  const today = todayInAlmaty();
  const offices = useLoad(() => loadOffices(), []);
  const officeId = offices.data ? defaultOffice(offices.data, asked) : null;

  const setup = useLoad(async () => {
    if (!officeId) return null;
    const [s, board] = await Promise.all([loadSetup(officeId), loadBoard(officeId, today).catch(() => null)]);
    return { setup: s, waiting: board?.waiting ?? {} };
  }, [officeId, today]);
  const [serviceId, setServiceId] = useState('');
  const [priority, setPriority] = useState<ClaimedPriority | 'none'>('none');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => setServiceId(''), [officeId]);

  const mine = useMemo(() => rememberedTickets().filter((r) => r.date === today), [today]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !officeId) return;
    if (!serviceId) {
      setErrors([{ fieldId: FIELDS.serviceId, message: t('queue.take.serviceRequired') }]);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const ticket = await ok(
        api.POST('/api/v1/queue/offices/{officeId}/days/{date}/tickets', {
          params: { path: { officeId, date: today } },
          body: { serviceId, channel: 'web', ...(priority === 'none' ? {} : { priority }) },
        }),
      );
      rememberTicket({ officeId, date: today, ticketId: ticket.ticketId, number: ticket.number });
      announce(t('queue.take.taken', { number: ticket.number }));
      navigate(ticketPath(officeId, today, ticket.ticketId));
    } catch (error) {
      setErrors(formErrorsOf(error, FIELDS, t));
      setAttempt((n) => n + 1);
      announce(problemText(error, t), 'assertive');
      setBusy(false);
    }
  };

  const noQueue = setup.error instanceof ApiError && setup.error.status === 404;
  const services = setup.data?.setup.services ?? [];

  return (
    <Page title={t('queue.take.title')}>
      <p className="lead">{t('queue.take.intro')}</p>
      {offices.error ? (
        <Notice kind="error">
          <p>{problemText(offices.error, t)}</p>
        </Notice>
      ) : null}
      {mine.length > 0 ? (
        <section aria-labelledby="my-tickets-title" className="queue-my-tickets">
          <h2 id="my-tickets-title">{t('queue.take.myTickets')}</h2>
          <ul className="plain-list">
            {mine.map((r) => (
              <li key={r.ticketId}>
                <Link to={ticketPath(r.officeId, r.date, r.ticketId)}>
                  <span translate="no">{r.number}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {offices.data ? (
        <form onSubmit={submit} noValidate className="form" aria-labelledby="take-form-title">
          <h2 id="take-form-title">{t('queue.take.formTitle')}</h2>
          <ErrorSummary errors={errors} attempt={attempt} />
          <SelectField
            id={FIELDS.officeId}
            label={t('queue.office')}
            value={officeId ?? ''}
            onChange={(e) => {
              setErrors([]);
              navigate(`/queue?office=${encodeURIComponent(e.target.value)}`, { replace: true });
            }}
            options={offices.data.map((o) => ({ value: o.officeId, label: pick(o.name) }))}
          />
          <ul className="plain-list">
            <li>
              <Link to={boardPath(officeId ?? '')}>{t('queue.ticket.board')}</Link>
            </li>
            <li>
              <Link to={statsPath(officeId ?? '')}>{t('queue.stats.link')}</Link>
            </li>
          </ul>
          {setup.loading && !setup.data ? (
            <p className="loading">{t('common.loading')}</p>
          ) : noQueue ? (
            <Notice kind="info">
              <p>{t('queue.noQueue')}</p>
            </Notice>
          ) : setup.error ? (
            <Notice kind="error">
              <p>{problemText(setup.error, t)}</p>
            </Notice>
          ) : (
            <>
              {setup.data?.setup.hours ? (
                <p>
                  {t('queue.take.hours', { open: setup.data.setup.hours.open, close: setup.data.setup.hours.close })}
                </p>
              ) : null}
              <RadioGroup
                id={FIELDS.serviceId}
                legend={t('queue.take.service')}
                error={errorOf(errors, FIELDS.serviceId)}
                value={serviceId}
                onChange={(v) => {
                  setServiceId(v);
                  setErrors((e) => e.filter((x) => x.fieldId !== FIELDS.serviceId));
                }}
                options={services.map((s) => ({
                  value: s.serviceId,
                  label: t('queue.serviceOption', { prefix: s.prefix, name: pick(s.name) }),
                  hint: t('queue.take.waitingNow', { count: fmt.number(setup.data?.waiting[s.serviceId] ?? 0) }),
                }))}
              />
              <RadioGroup
                id={FIELDS.priority}
                legend={t('queue.take.priority')}
                hint={t('queue.take.priorityHint')}
                error={errorOf(errors, FIELDS.priority)}
                value={priority}
                onChange={(v) => setPriority(CLAIMED_PRIORITIES.find((p) => p === v) ?? 'none')}
                options={[
                  { value: 'none', label: t('queue.priority.none') },
                  ...CLAIMED_PRIORITIES.map((p) => ({ value: p, label: t(`queue.priority.${p}`) })),
                ]}
              />
              <Button type="submit" busy={busy}>
                {t('queue.take.submit')}
              </Button>
            </>
          )}
        </form>
      ) : offices.loading ? (
        <p className="loading">{t('common.loading')}</p>
      ) : null}
    </Page>
  );
};
