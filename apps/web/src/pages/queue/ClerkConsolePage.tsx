import { useCallback, useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import { api, ok } from '../../api/client';
import { loadOffices } from '../../api/directory';
import { VISIT_OUTCOMES, type DeskState, type QueueSetup, type VisitOutcome } from '../../api/views';
import { Button } from '../../components/Button';
import { ErrorSummary, type FormError } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Fields';
import { Notice } from '../../components/Notice';
import { Page } from '../../components/Page';
import { errorOf, problemText } from '../../components/problems';
import { useLoad } from '../../hooks';
import { todayInAlmaty, useI18n, type MessageKey } from '../../i18n/i18n';
import { useLive } from '../../live';
import { Link, useRouter, useSearchParam } from '../../router';
import { useSession } from '../../session';
import { boardPath, checkInPath, isDate, loadSetup, statsPath } from './common';
import { useBoard } from './stream';

type Action =
  'open' | 'pause' | 'close' | 'call-next' | 'recall' | 'no-show' | 'start' | 'finish' | 'transfer' | 'park';

const FIELDS = {
  office: 'console-office',
  date: 'console-date',
  desk: 'console-desk',
  outcome: 'console-outcome',
  transfer: 'console-transfer',
};

/**
 * Sends one desk action; the answer is the desk afterwards. Actions on the desk's ticket name
 * it (`ticketId`): if the desk holds another ticket by now, the service refuses (409) rather than
 * act on a ticket the clerk does not see.
 */
const sendAction = (
  officeId: string,
  date: string,
  deskId: string,
  action: Action,
  body: { ticketId?: string; outcome?: VisitOutcome; serviceId?: string },
): Promise<DeskState> => {
  const path = { params: { path: { officeId, date, deskId } } };
  const onTicket = body.ticketId ? { ticketId: body.ticketId } : {};
  const base = '/api/v1/queue/offices/{officeId}/days/{date}/desks/{deskId}' as const;
  switch (action) {
    case 'open':
      return ok(api.POST(`${base}/open`, path));
    case 'pause':
      return ok(api.POST(`${base}/pause`, path));
    case 'close':
      return ok(api.POST(`${base}/close`, path));
    case 'call-next':
      return ok(api.POST(`${base}/call-next`, path));
    case 'recall':
      return ok(api.POST(`${base}/recall`, { ...path, body: onTicket }));
    case 'no-show':
      return ok(api.POST(`${base}/no-show`, { ...path, body: onTicket }));
    case 'start':
      return ok(api.POST(`${base}/start`, { ...path, body: onTicket }));
    case 'finish':
      return ok(api.POST(`${base}/finish`, { ...path, body: { ...onTicket, outcome: body.outcome! } }));
    case 'transfer':
      return ok(api.POST(`${base}/transfer`, { ...path, body: { ...onTicket, serviceId: body.serviceId! } }));
    case 'park':
      return ok(api.POST(`${base}/park`, { ...path, body: onTicket }));
  }
};

/** Chooses the office, day and desk the clerk works at (kept in the address). */
const DeskChooser = ({ officeId, date, deskId }: { officeId: string; date: string; deskId: string }) => {
  const { t, pick } = useI18n();
  const { navigate } = useRouter();
  const [office, setOffice] = useState(officeId);
  const [day, setDay] = useState(date);
  const [desk, setDesk] = useState(deskId);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const offices = useLoad(() => loadOffices(), []);
  const setup = useLoad(() => (office ? loadSetup(office) : Promise.resolve(null)), [office]);
  useEffect(() => {
    setOffice(officeId);
    setDay(date);
    setDesk(deskId);
  }, [officeId, date, deskId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (!isDate(day)) found.push({ fieldId: FIELDS.date, message: t('hours.dateInvalid') });
    if (!desk) found.push({ fieldId: FIELDS.desk, message: t('queue.console.chooseDeskOption') });
    setErrors(found);
    if (found.length) {
      setAttempt((n) => n + 1);
      return;
    }
    navigate(`/queue/console?office=${encodeURIComponent(office)}&date=${day}&desk=${encodeURIComponent(desk)}`, {
      replace: true,
    });
  };

  const desks = setup.data?.desks ?? [];
  return (
    <form className="form console-chooser" onSubmit={submit} noValidate aria-labelledby="console-chooser-title">
      <h2 id="console-chooser-title" className="visually-hidden">
        {t('queue.console.chooseDesk')}
      </h2>
      <ErrorSummary errors={errors} attempt={attempt} id="console-chooser-errors" />
      <div className="field-row field-row-end">
        <SelectField
          id={FIELDS.office}
          label={t('queue.office')}
          value={office}
          onChange={(e) => {
            setOffice(e.target.value);
            setDesk('');
          }}
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
        <SelectField
          id={FIELDS.desk}
          label={t('queue.console.desk')}
          error={errorOf(errors, FIELDS.desk)}
          value={desk}
          onChange={(e) => setDesk(e.target.value)}
          options={[
            { value: '', label: setup.error ? t('queue.noQueue') : t('queue.console.chooseDeskOption') },
            ...desks.map((d) => ({ value: d.deskId, label: t('queue.desk', { name: d.name }) })),
          ]}
        />
        <Button type="submit">{t('queue.console.select')}</Button>
      </div>
    </form>
  );
};

/**
 * A front-office clerk's console: choose the office, day and desk; open, pause or close the
 * desk; call the next ticket, call it again, mark a no-show, start and finish the visit with
 * its outcome, send the citizen on to another service or set the ticket aside. Shows the
 * desk's ticket and how many wait per service, kept current by the board's event stream.
 *
 * Every button stays in place (unavailable ones are `aria-disabled`), so the keyboard order
 * never changes under the clerk; after an action focus goes where the next step is, and the
 * result is announced in the live region (a refusal assertively) and shown on screen.
 */
export const ClerkConsolePage = () => {
  const { t, pick, fmt } = useI18n();
  const { session } = useSession();
  const { announce } = useLive();
  const officeParam = useSearchParam('office');
  const dateParam = useSearchParam('date');
  const deskId = useSearchParam('desk') ?? '';
  const officeId = officeParam || session?.user.officeId || '';
  const date = isDate(dateParam) ? dateParam : todayInAlmaty();

  const setup = useLoad(() => (officeId ? loadSetup(officeId) : Promise.resolve(null)), [officeId]);
  const desks = useLoad(
    () =>
      officeId && deskId
        ? ok(api.GET('/api/v1/queue/offices/{officeId}/days/{date}/desks', { params: { path: { officeId, date } } }))
        : Promise.resolve(null),
    [officeId, date, deskId],
  );
  const { reload: reloadDesks } = desks;
  const pending = useRef<number | undefined>(undefined);
  const onChange = useCallback(() => {
    window.clearTimeout(pending.current);
    pending.current = window.setTimeout(reloadDesks, 250);
  }, [reloadDesks]);
  useEffect(() => () => window.clearTimeout(pending.current), []);
  const { board } = useBoard(officeId && deskId ? officeId : null, date, { onChange });

  const [local, setLocal] = useState<DeskState | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);
  const [result, setResult] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [outcome, setOutcome] = useState<VisitOutcome | ''>('');
  const [transferTo, setTransferTo] = useState('');
  const [formErrors, setFormErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const refs = {
    callNext: useRef<HTMLButtonElement>(null),
    start: useRef<HTMLButtonElement>(null),
    outcome: useRef<HTMLDivElement>(null),
  };

  // What the server said last wins: a fresh desk list replaces what an action answered.
  useEffect(() => setLocal(null), [desks.data]);
  useEffect(() => {
    setLocal(null);
    setResult(null);
  }, [officeId, date, deskId]);

  const fromList = desks.data?.desks.find((d) => d.deskId === deskId);
  const desk: DeskState | undefined = local ?? fromList;
  const setupDesk = setup.data?.desks.find((d) => d.deskId === deskId);
  const deskName = desk?.name ?? setupDesk?.name ?? deskId;
  const deskLabel = t('queue.desk', { name: deskName });
  const current = desk?.current ?? null;
  const serviceName = (setupData: QueueSetup | null | undefined, serviceId: string | undefined) => {
    const service = setupData?.services.find((s) => s.serviceId === serviceId);
    return service ? pick(service.name) : (serviceId ?? '');
  };

  const available: Record<Action, boolean> = {
    open: !!desk && desk.status !== 'open',
    pause: desk?.status === 'open',
    close: !!desk && desk.status !== 'closed',
    'call-next': desk?.status === 'open' && !current,
    recall: current?.status === 'called' && current.recallsLeft > 0,
    'no-show': current?.status === 'called' && current.canMarkNoShow,
    start: current?.status === 'called',
    finish: current?.status === 'serving',
    transfer: current?.status === 'serving',
    park: !!current,
  };

  const doneText = (action: Action, before: DeskState | undefined, after: DeskState): string => {
    const number = before?.current?.number ?? after.current?.number ?? '';
    const label = t('queue.desk', { name: after.name ?? deskName });
    switch (action) {
      case 'open':
        return t('queue.console.opened', { desk: label });
      case 'pause':
        return t('queue.console.paused', { desk: label });
      case 'close':
        return t('queue.console.closed', { desk: label });
      case 'call-next':
        return after.current
          ? t('queue.console.called', { number: after.current.number })
          : t('queue.console.nobodyWaiting');
      case 'recall':
        return t('queue.console.recalled', { number });
      case 'no-show':
        return t('queue.console.noShowDone', { number });
      case 'start':
        return t('queue.console.started', { number });
      case 'finish':
        return t('queue.console.finished', { number, outcome: outcome ? t(`queue.outcome.${outcome}`) : '' });
      case 'transfer':
        return t('queue.console.transferred', { number, service: serviceName(setup.data, transferTo) });
      case 'park':
        return t('queue.console.parkedDone', { number });
    }
  };

  const act = async (action: Action) => {
    if (busy || !deskId) return;
    if (!available[action]) {
      announce(t('queue.console.notNow'));
      return;
    }
    if (action === 'finish' || action === 'transfer') {
      const missing: FormError[] =
        action === 'finish'
          ? outcome
            ? []
            : [{ fieldId: FIELDS.outcome, message: t('queue.console.outcomeRequired') }]
          : transferTo
            ? []
            : [{ fieldId: FIELDS.transfer, message: t('queue.console.transferRequired') }];
      setFormErrors(missing);
      if (missing.length) {
        setAttempt((n) => n + 1);
        return;
      }
    }
    setBusy(action);
    const before = desk;
    try {
      const after = await sendAction(officeId, date, deskId, action, {
        ...(current ? { ticketId: current.ticketId } : {}),
        ...(outcome ? { outcome } : {}),
        ...(transferTo ? { serviceId: transferTo } : {}),
      });
      setLocal(after);
      const text = doneText(action, before, after);
      setResult({ kind: 'success', text });
      announce(text);
      if (action === 'finish') setOutcome('');
      if (action === 'transfer') setTransferTo('');
      // Where the next step is: call, then start, then the outcome; a free desk calls again.
      window.setTimeout(() => {
        if (action === 'call-next' && after.current) refs.start.current?.focus();
        else if (action === 'start') refs.outcome.current?.querySelector('select')?.focus();
        else if (['finish', 'no-show', 'park', 'transfer', 'open'].includes(action)) refs.callNext.current?.focus();
      }, 0);
      reloadDesks();
    } catch (error) {
      const text = problemText(error, t);
      setResult({ kind: 'error', text });
      announce(text, 'assertive');
      reloadDesks();
    } finally {
      setBusy(null);
    }
  };

  const actionButton = (
    action: Action,
    label: MessageKey,
    options: { variant?: 'primary' | 'secondary' | 'danger'; ref?: Ref<HTMLButtonElement> } = {},
  ) => (
    <Button
      ref={options.ref}
      variant={options.variant ?? 'secondary'}
      busy={busy === action || !available[action]}
      data-action={action}
      onClick={() => void act(action)}
    >
      {t(label)}
    </Button>
  );

  const waiting = board?.waiting ?? {};
  const services = setup.data?.services ?? [];
  const total = Object.values(waiting).reduce((sum, n) => sum + n, 0);
  const outcomeError = errorOf(formErrors, FIELDS.outcome);
  const transferError = errorOf(formErrors, FIELDS.transfer);

  return (
    <Page title={t('queue.console.title')} wide>
      <DeskChooser officeId={officeId} date={date} deskId={deskId} />
      {!deskId ? null : setup.error || desks.error ? (
        <Notice kind="error">
          <p>{problemText(setup.error ?? desks.error, t)}</p>
        </Notice>
      ) : !desk ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <div className="console">
          <section className="console-desk card" aria-labelledby="console-desk-title">
            <h2 id="console-desk-title" className="card-title">
              {deskLabel}
            </h2>
            <p>
              <span className={`badge badge-desk-${desk.status}`}>
                {t('queue.console.deskStatus', { status: t(`queue.deskStatus.${desk.status}`) })}
              </span>
            </p>
            {setup.data?.policy?.assignment === 'random' ? (
              <p className="field-hint" data-testid="console-random">
                {t('queue.console.randomAssignment', { button: t('queue.console.callNext') })}
              </p>
            ) : null}
            {setupDesk ? (
              <p>
                {t('queue.console.deskServes', {
                  services: setupDesk.serviceIds.map((id) => serviceName(setup.data, id)).join(', '),
                })}
              </p>
            ) : null}
            <div className="actions" role="group" aria-label={t('queue.console.deskControls')}>
              {actionButton('open', 'queue.console.open')}
              {actionButton('pause', 'queue.console.pause')}
              {actionButton('close', 'queue.console.close')}
            </div>
            {result ? (
              <Notice kind={result.kind}>
                <p data-testid="console-result">{result.text}</p>
              </Notice>
            ) : null}

            <h3>{t('queue.console.current')}</h3>
            {current ? (
              <div className="console-ticket">
                <p className="console-ticket-number" translate="no" data-testid="console-ticket">
                  {current.number}
                </p>
                <dl className="facts">
                  <div>
                    <dt>{t('queue.ticket.status')}</dt>
                    <dd>{t(`queue.ticketStatus.${current.status}`)}</dd>
                  </div>
                  <div>
                    <dt>{t('queue.take.service')}</dt>
                    <dd>{serviceName(setup.data, current.serviceId)}</dd>
                  </div>
                  {current.priority && current.priority !== 'standard' ? (
                    <div>
                      <dt>{t('queue.take.priority')}</dt>
                      <dd>{t(`queue.priority.${current.priority}`)}</dd>
                    </div>
                  ) : null}
                  {current.status === 'called' ? (
                    <div>
                      <dt>{t('queue.console.recallsTitle')}</dt>
                      <dd>
                        {fmt.number(current.recalls)}
                        {!current.canMarkNoShow ? (
                          <>
                            <br />
                            <span className="field-hint">
                              {t('queue.console.recallsLeft', { count: fmt.number(current.recallsLeft) })}
                            </span>
                          </>
                        ) : null}
                      </dd>
                    </div>
                  ) : null}
                </dl>
              </div>
            ) : (
              <p className="empty">{desk.status === 'open' ? t('queue.console.free') : t('queue.console.openFirst')}</p>
            )}
            <div className="actions" role="group" aria-label={t('queue.console.ticketActions')}>
              {actionButton('call-next', 'queue.console.callNext', { variant: 'primary', ref: refs.callNext })}
              {actionButton('recall', 'queue.console.recall')}
              {actionButton('start', 'queue.console.start', { ref: refs.start })}
              {actionButton('no-show', 'queue.console.noShow')}
              {actionButton('park', 'queue.console.park')}
            </div>
            <ErrorSummary errors={formErrors} attempt={attempt} id="console-errors" />
            <div className="console-forms">
              <form
                className="form console-form"
                noValidate
                aria-labelledby="console-finish-title"
                onSubmit={(e) => {
                  e.preventDefault();
                  void act('finish');
                }}
              >
                <h4 id="console-finish-title">{t('queue.console.finishTitle')}</h4>
                <div ref={refs.outcome}>
                  <SelectField
                    id={FIELDS.outcome}
                    label={t('queue.console.outcome')}
                    error={outcomeError}
                    value={outcome}
                    onChange={(e) => setOutcome(VISIT_OUTCOMES.find((o) => o === e.target.value) ?? '')}
                    options={[
                      { value: '', label: t('queue.console.chooseOutcome') },
                      ...VISIT_OUTCOMES.map((o) => ({ value: o, label: t(`queue.outcome.${o}`) })),
                    ]}
                  />
                </div>
                <Button type="submit" busy={busy === 'finish' || !available.finish} data-action="finish">
                  {t('queue.console.finish')}
                </Button>
              </form>
              <form
                className="form console-form"
                noValidate
                aria-labelledby="console-transfer-title"
                onSubmit={(e) => {
                  e.preventDefault();
                  void act('transfer');
                }}
              >
                <h4 id="console-transfer-title">{t('queue.console.transferTitle')}</h4>
                <SelectField
                  id={FIELDS.transfer}
                  label={t('queue.console.transferTo')}
                  hint={t('queue.console.transferHint')}
                  error={transferError}
                  value={transferTo}
                  onChange={(e) => setTransferTo(e.target.value)}
                  options={[
                    { value: '', label: t('queue.console.chooseService') },
                    ...services
                      .filter((s) => s.serviceId !== current?.serviceId)
                      .map((s) => ({
                        value: s.serviceId,
                        label: t('queue.serviceOption', { prefix: s.prefix, name: pick(s.name) }),
                      })),
                  ]}
                />
                <Button
                  type="submit"
                  variant="secondary"
                  busy={busy === 'transfer' || !available.transfer}
                  data-action="transfer"
                >
                  {t('queue.console.transfer')}
                </Button>
              </form>
            </div>
          </section>
          <section className="console-waiting card" aria-labelledby="console-waiting-title">
            <h2 id="console-waiting-title" className="card-title">
              {t('queue.console.waitingTitle')}
            </h2>
            <table className="data-table">
              <caption>{t('queue.console.waitingCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('queue.console.serviceColumn')}</th>
                  <th scope="col">{t('queue.console.waitingColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {services.map((s) => (
                  <tr key={s.serviceId}>
                    <th scope="row">{t('queue.serviceOption', { prefix: s.prefix, name: pick(s.name) })}</th>
                    <td data-testid={`waiting-${s.serviceId}`}>{fmt.number(waiting[s.serviceId] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>{t('queue.console.waitingTotal', { count: fmt.number(total) })}</p>
            <ul className="plain-list">
              <li>
                <Link to={checkInPath(officeId, date)}>{t('queue.console.checkIn')}</Link>
              </li>
              <li>
                <Link to={statsPath(officeId, date)}>{t('queue.console.stats')}</Link>
              </li>
              <li>
                <a href={boardPath(officeId)} target="_blank" rel="noopener noreferrer">
                  {t('queue.console.openBoard')}
                  <span className="visually-hidden"> ({t('common.newTab')})</span>
                </a>
              </li>
            </ul>
          </section>
        </div>
      )}
    </Page>
  );
};
