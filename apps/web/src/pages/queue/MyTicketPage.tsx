import { useEffect, useRef } from 'react';
import { api, ok } from '../../api/client';
import { loadOffices } from '../../api/directory';
import type { TicketView } from '../../api/views';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { problemText } from '../../components/problems';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n/i18n';
import { useLive } from '../../live';
import { Link } from '../../router';
import { boardPath, estimateText, loadSetup } from './common';
import { useBoardStream } from './stream';

/**
 * How often the ticket is read again besides the board's events. The board changes with every
 * call and every change of the waiting counts, but not when a visit starts or ends, so a ticket
 * at a desk (or set aside) is read often; a waiting one now and then (and often while the
 * stream is down); a finished one no more.
 */
const pollMs = (status: TicketView['status'] | undefined, live: boolean): number | undefined => {
  if (status === 'served' || status === 'no_show' || status === 'closed') return undefined;
  if (status === 'called' || status === 'serving' || status === 'parked') return 3_000;
  return live ? 30_000 : 10_000;
};

/**
 * A citizen's ticket, live: its number, status, place in the queue and the estimated wait as a
 * range, refreshed whenever the office's board changes (server-sent events; polled while the
 * stream is down). Being called is announced at once (assertive) and shown in large type.
 */
export const MyTicketPage = ({ officeId, date, ticketId }: { officeId: string; date: string; ticketId: string }) => {
  const { t, pick, fmt } = useI18n();
  const { announce } = useLive();
  const ticket = useLoad(
    () =>
      ok(
        api.GET('/api/v1/queue/offices/{officeId}/days/{date}/tickets/{ticketId}', {
          params: { path: { officeId, date, ticketId } },
        }),
      ),
    [officeId, date, ticketId],
  );
  const context = useLoad(async () => {
    const [offices, setup] = await Promise.all([loadOffices().catch(() => []), loadSetup(officeId).catch(() => null)]);
    return { office: offices.find((o) => o.officeId === officeId), setup };
  }, [officeId]);

  const { reload } = ticket;
  const current = ticket.data;
  const currentNumber = useRef<string | undefined>(undefined);
  useEffect(() => {
    currentNumber.current = current?.number;
  }, [current?.number]);

  // Any change of the board may move this ticket: read it again (at most every 300 ms).
  const pending = useRef<number | undefined>(undefined);
  const calledAnnouncedAt = useRef(0);
  const stream = useBoardStream(officeId, date, (event) => {
    if (event.type === 'call' && event.call.number === currentNumber.current) {
      // Called (or called again): say it now, before the ticket is read again.
      calledAnnouncedAt.current = Date.now();
      announce(t('queue.callAnnouncement', { number: event.call.number, desk: event.call.deskName }), 'assertive');
    }
    window.clearTimeout(pending.current);
    pending.current = window.setTimeout(reload, 300);
  });
  useEffect(() => () => window.clearTimeout(pending.current), []);

  const live = stream === 'live';
  const offline = stream === 'reconnecting';
  const every = pollMs(current?.status, live);
  useEffect(() => {
    if (every === undefined) return;
    const timer = window.setInterval(reload, every);
    return () => window.clearInterval(timer);
  }, [every, reload]);

  // Say what changed for the holder (not the first reading: the page itself shows that).
  const previous = useRef<TicketView | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = current;
    if (!before || !current) return;
    if (current.status === 'called' && before.status !== 'called' && current.calledTo) {
      if (Date.now() - calledAnnouncedAt.current < 10_000) return; // the call event said it already
      announce(t('queue.callAnnouncement', { number: current.number, desk: current.calledTo }), 'assertive');
    } else if (current.status !== before.status) {
      const text = statusSentence(current, t, fmt.instantTime);
      if (text) announce(text);
    } else if (current.status === 'waiting' && current.position === 1 && before.position !== 1) {
      announce(t('queue.ticket.next'));
    }
  }, [current, announce, t, fmt]);

  const service = context.data?.setup?.services.find((s) => s.serviceId === current?.serviceId);

  return (
    <Page title={t('queue.ticket.title')}>
      {ticket.error && !current ? (
        <Notice kind="error">
          <p>{problemText(ticket.error, t)}</p>
        </Notice>
      ) : !current ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <>
          <div className="ticket-card">
            <p className="ticket-number-label">{t('queue.ticket.number')}</p>
            <p className="ticket-number" translate="no">
              {current.number}
            </p>
            {service ? <p className="ticket-service">{pick(service.name)}</p> : null}
          </div>
          {(current.status === 'called' || current.status === 'serving') && current.calledTo ? (
            <div className="notice notice-success ticket-called">
              <p>
                {current.status === 'called'
                  ? t('queue.ticket.calledTo', { desk: current.calledTo })
                  : t('queue.ticket.servingAt', { desk: current.calledTo })}
              </p>
            </div>
          ) : null}
          {statusSentence(current, t, fmt.instantTime) &&
          current.status !== 'called' &&
          current.status !== 'serving' ? (
            <Notice kind={current.status === 'served' ? 'success' : 'info'}>
              <p>{statusSentence(current, t, fmt.instantTime)}</p>
            </Notice>
          ) : null}
          <dl className="facts">
            <div>
              <dt>{t('queue.ticket.status')}</dt>
              <dd>{t(`queue.ticketStatus.${current.status}`)}</dd>
            </div>
            {(current.status === 'waiting' || current.status === 'parked') && current.position !== null ? (
              <div>
                <dt>{t('queue.ticket.position')}</dt>
                <dd className="ticket-position">
                  {current.position <= 1
                    ? t('queue.ticket.next')
                    : t('queue.ticket.ahead', { count: fmt.number(current.position - 1) })}
                </dd>
              </div>
            ) : null}
            {current.status === 'waiting' && current.estimate ? (
              <div>
                <dt>{t('queue.ticket.estimate')}</dt>
                <dd>
                  <span className="ticket-estimate">{estimateText(current.estimate, t)}</span>
                  <br />
                  <span className="field-hint">{t('queue.ticket.estimateHint')}</span>
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('queue.office')}</dt>
              <dd>{context.data?.office ? pick(context.data.office.name) : <span translate="no">{officeId}</span>}</dd>
            </div>
            <div>
              <dt>{t('queue.date')}</dt>
              <dd>{fmt.date(date)}</dd>
            </div>
          </dl>
          <p className="field-hint">{offline ? t('queue.ticket.offline') : t('queue.ticket.live')}</p>
          <div className="actions">
            <Link to={`/queue?office=${encodeURIComponent(officeId)}`} className="button button-secondary">
              {t('queue.ticket.takeAnother')}
            </Link>
            <Link to={boardPath(officeId)} className="button button-secondary">
              {t('queue.ticket.board')}
            </Link>
          </div>
        </>
      )}
    </Page>
  );
};

/** What a ticket's status means for its holder, when there is something to say. */
const statusSentence = (
  ticket: TicketView,
  t: ReturnType<typeof useI18n>['t'],
  time?: (iso: string) => string,
): string | undefined => {
  switch (ticket.status) {
    case 'served':
      return t('queue.ticket.done');
    case 'no_show':
      return t('queue.ticket.missed');
    case 'closed':
      return t('queue.ticket.closedDay');
    case 'parked':
      return ticket.returnsAt && time
        ? t('queue.ticket.parkedUntil', { time: time(ticket.returnsAt) })
        : t('queue.ticket.parked');
    default:
      return undefined;
  }
};
