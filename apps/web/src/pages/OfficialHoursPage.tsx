import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ok } from '../api/client';
import { forgetOfficials, loadOffices } from '../api/directory';
import { WEEKDAY_NAMES, type ReceptionMode, type ReceptionRule, type Recurrence } from '../api/views';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { RadioGroup, SelectField, TextField } from '../components/Fields';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { errorOf, formErrorsOf, problemText } from '../components/problems';
import { useRuleText } from '../components/ruleText';
import { useLoad } from '../hooks';
import { REFERENCE_MONDAY, todayInAlmaty, useI18n } from '../i18n/i18n';
import { useLive, type Flash } from '../live';
import { useSession } from '../session';

const FIELDS = {
  recurrence: 'rule-recurrence',
  weekday: 'rule-weekday',
  start: 'rule-start',
  end: 'rule-end',
  slotMinutes: 'rule-slot-minutes',
  capacity: 'rule-capacity',
  mode: 'rule-mode',
  officeId: 'rule-office',
  validFrom: 'rule-valid-from',
  validTo: 'rule-valid-to',
} as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface RuleForm {
  recurrence: Recurrence;
  weekday: string;
  start: string;
  end: string;
  slotMinutes: string;
  capacity: string;
  mode: ReceptionMode;
  officeId: string;
  validFrom: string;
  validTo: string;
}

/** The official publishes reception hours (rules) and withdraws them. */
export const OfficialHoursPage = () => {
  const { t, fmt, pick } = useI18n();
  const { session } = useSession();
  const { announce } = useLive();
  const ruleText = useRuleText();
  const officialId = session!.user.officialId!;

  const data = useLoad(async () => {
    const [official, offices] = await Promise.all([
      ok(api.GET('/api/v1/officials/{officialId}', { params: { path: { officialId } } })),
      loadOffices(),
    ]);
    return { official, offices };
  }, [officialId]);
  const [rules, setRules] = useState<ReceptionRule[] | null>(null);
  useEffect(() => {
    if (data.data) setRules(data.data.official.receptionRules);
  }, [data.data]);

  const [form, setForm] = useState<RuleForm>(() => ({
    recurrence: 'weekly',
    weekday: '1',
    start: '10:00',
    end: '12:00',
    slotMinutes: '15',
    capacity: '1',
    mode: 'in_person',
    officeId: session?.user.officeId ?? '',
    validFrom: todayInAlmaty(),
    validTo: '',
  }));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [withdrawing, setWithdrawing] = useState<ReceptionRule | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  const { lang } = useI18n();
  useEffect(() => setErrors([]), [lang]);
  useEffect(() => {
    if (flash) notice.current?.focus();
  }, [flash]);

  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const validate = (): FormError[] => {
    const e: FormError[] = [];
    if (!TIME.test(form.start)) e.push({ fieldId: FIELDS.start, message: t('hours.timeInvalid') });
    if (!TIME.test(form.end)) e.push({ fieldId: FIELDS.end, message: t('hours.timeInvalid') });
    else if (TIME.test(form.start) && form.end <= form.start) e.push({ fieldId: FIELDS.end, message: t('hours.endBeforeStart') });
    const minutes = Number(form.slotMinutes);
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 240) {
      e.push({ fieldId: FIELDS.slotMinutes, message: t('hours.slotMinutesInvalid', { min: fmt.number(5), max: fmt.number(240) }) });
    }
    const capacity = Number(form.capacity);
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 50) {
      e.push({ fieldId: FIELDS.capacity, message: t('hours.capacityInvalid', { min: fmt.number(1), max: fmt.number(50) }) });
    }
    if (form.mode === 'in_person' && !form.officeId) e.push({ fieldId: FIELDS.officeId, message: t('hours.officeRequired') });
    if (!DATE.test(form.validFrom)) e.push({ fieldId: FIELDS.validFrom, message: t('hours.dateInvalid') });
    if (form.validTo && !DATE.test(form.validTo)) e.push({ fieldId: FIELDS.validTo, message: t('hours.dateInvalid') });
    else if (form.validTo && form.validTo < form.validFrom) e.push({ fieldId: FIELDS.validTo, message: t('hours.validToBeforeFrom') });
    return e;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local = validate();
    if (local.length) {
      setErrors(local);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const schedule = await ok(
        api.POST('/api/v1/officials/{officialId}/reception-rules', {
          params: { path: { officialId } },
          body: {
            recurrence: form.recurrence,
            ...(form.recurrence === 'weekly' ? { weekday: Number(form.weekday) } : {}),
            start: form.start,
            end: form.end,
            slotMinutes: Number(form.slotMinutes),
            capacity: Number(form.capacity),
            mode: form.mode,
            ...(form.mode === 'in_person' ? { officeId: form.officeId } : {}),
            validFrom: form.validFrom,
            ...(form.validTo ? { validTo: form.validTo } : {}),
          },
        }),
      );
      setRules(schedule.rules);
      forgetOfficials();
      setErrors([]);
      const text = t('hours.published');
      setFlash({ kind: 'success', text });
      announce(text);
    } catch (error) {
      setErrors(formErrorsOf(error, FIELDS, t));
      setAttempt((n) => n + 1);
      announce(problemText(error, t), 'assertive');
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async () => {
    const rule = withdrawing;
    if (!rule || busy) return;
    setBusy(true);
    try {
      const schedule = await ok(
        api.DELETE('/api/v1/officials/{officialId}/reception-rules/{ruleId}', { params: { path: { officialId, ruleId: rule.ruleId } } }),
      );
      setRules(schedule.rules);
      forgetOfficials();
      const text = t('hours.withdrawn', { rule: ruleText(rule) });
      setFlash({ kind: 'success', text });
      announce(text);
    } catch (error) {
      const text = problemText(error, t);
      setFlash({ kind: 'error', text });
      announce(text, 'assertive');
    } finally {
      setWithdrawing(null);
      setBusy(false);
    }
  };

  const offices = data.data?.offices ?? [];
  const officeName = (id?: string) => pick(offices.find((o) => o.officeId === id)?.name, id ?? '');
  const sortedRules = [...(rules ?? [])].sort(
    (a, b) => a.validFrom.localeCompare(b.validFrom) || a.start.localeCompare(b.start) || a.ruleId.localeCompare(b.ruleId),
  );
  const day = REFERENCE_MONDAY;

  return (
    <Page title={t('hours.title')} wide>
      {flash ? (
        <Notice kind={flash.kind} ref={notice}>
          <p>{flash.text}</p>
        </Notice>
      ) : null}
      <section aria-labelledby="rules-title">
        <h2 id="rules-title">{t('hours.listTitle')}</h2>
        {data.error ? (
          <Notice kind="error">
            <p>{problemText(data.error, t)}</p>
          </Notice>
        ) : rules === null ? (
          <p className="loading">{t('common.loading')}</p>
        ) : sortedRules.length === 0 ? (
          <p className="empty">{t('hours.none')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="rules-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="rules-caption">{t('hours.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('hours.colWhen')}</th>
                  <th scope="col">{t('hours.colSlot')}</th>
                  <th scope="col">{t('hours.colCapacity')}</th>
                  <th scope="col">{t('hours.colPlace')}</th>
                  <th scope="col">{t('hours.colValid')}</th>
                  <th scope="col">{t('hours.colActions')}</th>
                </tr>
              </thead>
              <tbody>
                {sortedRules.map((rule) => (
                  <tr key={rule.ruleId}>
                    <th scope="row">{ruleText(rule)}</th>
                    <td>{t('hours.minutes', { count: fmt.number(rule.slotMinutes) })}</td>
                    <td>{fmt.number(rule.capacity)}</td>
                    <td>{rule.mode === 'remote' ? t('hours.placeRemote') : officeName(rule.officeId)}</td>
                    <td>
                      {rule.validTo
                        ? t('hours.validRange', { from: fmt.day(rule.validFrom), to: fmt.day(rule.validTo) })
                        : t('hours.validFrom', { from: fmt.day(rule.validFrom) })}
                    </td>
                    <td>
                      <Button variant="danger" onClick={() => setWithdrawing(rule)}>
                        {t('hours.withdraw')}
                        <span className="visually-hidden">: {ruleText(rule)}</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="publish-title">
        <h2 id="publish-title">{t('hours.formTitle')}</h2>
        <p>{t('hours.formIntro')}</p>
        <form onSubmit={submit} noValidate className="form form-grid">
          <ErrorSummary errors={errors} attempt={attempt} />
          <RadioGroup
            id={FIELDS.recurrence}
            legend={t('hours.recurrence')}
            inline
            error={errorOf(errors, FIELDS.recurrence)}
            value={form.recurrence}
            onChange={(v) => set('recurrence', v === 'daily' ? 'daily' : 'weekly')}
            options={[
              { value: 'weekly', label: t('hours.weekly') },
              { value: 'daily', label: t('hours.daily') },
            ]}
          />
          {form.recurrence === 'weekly' ? (
            <SelectField
              id={FIELDS.weekday}
              label={t('hours.weekday')}
              error={errorOf(errors, FIELDS.weekday)}
              value={form.weekday}
              onChange={(e) => set('weekday', e.target.value)}
              options={WEEKDAY_NAMES.map((_, i) => ({ value: String(i + 1), label: fmt.weekday(i + 1) }))}
            />
          ) : null}
          <div className="field-row">
            <TextField
              id={FIELDS.start}
              label={t('hours.start')}
              hint={t('hours.timeHint', { example: fmt.time(day, '10:00') })}
              error={errorOf(errors, FIELDS.start)}
              value={form.start}
              inputMode="numeric"
              autoComplete="off"
              className="input-short"
              onChange={(e) => set('start', e.target.value.trim())}
            />
            <TextField
              id={FIELDS.end}
              label={t('hours.end')}
              hint={t('hours.timeHint', { example: fmt.time(day, '12:00') })}
              error={errorOf(errors, FIELDS.end)}
              value={form.end}
              inputMode="numeric"
              autoComplete="off"
              className="input-short"
              onChange={(e) => set('end', e.target.value.trim())}
            />
          </div>
          <div className="field-row">
            <TextField
              id={FIELDS.slotMinutes}
              label={t('hours.slotMinutes')}
              type="number"
              min={5}
              max={240}
              error={errorOf(errors, FIELDS.slotMinutes)}
              value={form.slotMinutes}
              className="input-short"
              onChange={(e) => set('slotMinutes', e.target.value)}
            />
            <TextField
              id={FIELDS.capacity}
              label={t('hours.capacity')}
              hint={t('hours.capacityHint')}
              type="number"
              min={1}
              max={50}
              error={errorOf(errors, FIELDS.capacity)}
              value={form.capacity}
              className="input-short"
              onChange={(e) => set('capacity', e.target.value)}
            />
          </div>
          <RadioGroup
            id={FIELDS.mode}
            legend={t('hours.mode')}
            inline
            error={errorOf(errors, FIELDS.mode)}
            value={form.mode}
            onChange={(v) => set('mode', v === 'remote' ? 'remote' : 'in_person')}
            options={[
              { value: 'in_person', label: t('mode.in_person') },
              { value: 'remote', label: t('mode.remote') },
            ]}
          />
          {form.mode === 'in_person' ? (
            <SelectField
              id={FIELDS.officeId}
              label={t('hours.office')}
              error={errorOf(errors, FIELDS.officeId)}
              value={form.officeId}
              onChange={(e) => set('officeId', e.target.value)}
              options={[{ value: '', label: t('hours.chooseOffice') }, ...offices.map((o) => ({ value: o.officeId, label: pick(o.name) }))]}
            />
          ) : null}
          <div className="field-row">
            <TextField
              id={FIELDS.validFrom}
              label={t('hours.validFromLabel')}
              type="date"
              error={errorOf(errors, FIELDS.validFrom)}
              value={form.validFrom}
              onChange={(e) => set('validFrom', e.target.value)}
            />
            <TextField
              id={FIELDS.validTo}
              label={t('hours.validToLabel')}
              hint={t('hours.validToHint')}
              optional
              type="date"
              error={errorOf(errors, FIELDS.validTo)}
              value={form.validTo}
              onChange={(e) => set('validTo', e.target.value)}
            />
          </div>
          <div className="actions">
            <Button type="submit" busy={busy}>
              {t('hours.submit')}
            </Button>
          </div>
        </form>
      </section>

      <ConfirmDialog
        open={withdrawing !== null}
        title={t('hours.withdrawTitle')}
        confirmLabel={t('hours.withdrawConfirm')}
        cancelLabel={t('hours.withdrawKeep')}
        onConfirm={() => void withdraw()}
        onClose={() => setWithdrawing(null)}
        busy={busy}
        danger
        initialFocus="cancel"
      >
        <p>{withdrawing ? t('hours.withdrawBody', { rule: ruleText(withdrawing) }) : null}</p>
      </ConfirmDialog>
    </Page>
  );
};
