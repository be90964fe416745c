import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ok } from '../api/client';
import { loadOffices, loadOfficials } from '../api/directory';
import type { Booking, HeldBooking, Language, ReceptionMode } from '../api/views';
import { BookingFacts, useWhen } from '../components/BookingFacts';
import { Button } from '../components/Button';
import { ErrorSummary, type FormError } from '../components/ErrorSummary';
import { RadioGroup, SelectField, TextAreaField } from '../components/Fields';
import { HoldTimer } from '../components/HoldTimer';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { errorOf, formErrorsOf, problemText } from '../components/problems';
import { useLoad } from '../hooks';
import { isLang, LANGS, useI18n } from '../i18n/i18n';
import { useLive } from '../live';
import { Link, useRouter } from '../router';

const PURPOSE_MAX = 1000;

/** The booking as read, then with what extending the hold answered (the new `expiresAt`). */
type HoldView = Booking & Partial<Pick<HeldBooking, 'expiresAt'>>;
const FIELDS = { purpose: 'purpose', language: 'reception-language', channel: 'channel' };

/** Step 4: the held time, its countdown, and the form that confirms the booking. */
export const HoldPage = ({ bookingId }: { bookingId: string }) => {
  const { t, lang, fmt } = useI18n();
  const { announce, setFlash, takeFlash } = useLive();
  const { navigate } = useRouter();
  const when = useWhen();
  // "Time held" was announced when the hold was placed; the countdown shows it from here on.
  useState(() => takeFlash());

  const data = useLoad(async () => {
    const [booking, officials, offices] = await Promise.all([
      ok(api.GET('/api/v1/bookings/{bookingId}', { params: { path: { bookingId } } })),
      loadOfficials(),
      loadOffices(),
    ]);
    const view: HoldView = booking;
    return {
      booking: view,
      official: officials.find((o) => o.officialId === booking.officialId),
      office: offices.find((o) => o.officeId === booking.officeId),
    };
  }, [bookingId]);
  const booking = data.data?.booking;

  const [purpose, setPurpose] = useState('');
  const [language, setLanguage] = useState<Language>(lang);
  const [channel, setChannel] = useState<ReceptionMode | ''>('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<'confirm' | 'extend' | 'release' | null>(null);
  const [expired, setExpired] = useState(false);

  // The only channel a slot allows is its own mode.
  useEffect(() => {
    if (booking) setChannel(booking.mode);
  }, [booking]);

  // Server messages are in the language they were asked in: drop them when the language changes.
  useEffect(() => setErrors([]), [lang]);

  const expiresAt = booking?.holdExpiresAt ?? booking?.expiresAt;

  const fail = (error: unknown) => {
    setErrors(formErrorsOf(error, FIELDS, t));
    setAttempt((n) => n + 1);
    announce(problemText(error, t), 'assertive');
  };

  const extend = async () => {
    if (busy) return;
    setBusy('extend');
    try {
      const updated = await ok(api.POST('/api/v1/bookings/{bookingId}/hold/extend', { params: { path: { bookingId } } }));
      data.setData((d) => (d ? { ...d, booking: { ...d.booking, ...updated } } : d));
      setExpired(false);
      announce(t('hold.extended', { until: fmt.instantTime(updated.expiresAt) }));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !booking) return;
    const local: FormError[] = [];
    const text = purpose.trim();
    if (!text) local.push({ fieldId: FIELDS.purpose, message: t('hold.purposeRequired') });
    else if (text.length > PURPOSE_MAX) local.push({ fieldId: FIELDS.purpose, message: t('hold.purposeTooLong', { max: fmt.number(PURPOSE_MAX) }) });
    if (!channel) local.push({ fieldId: FIELDS.channel, message: t('hold.channelRequired') });
    if (local.length) {
      setErrors(local);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy('confirm');
    try {
      const confirmed = await ok(
        api.POST('/api/v1/bookings/{bookingId}/confirm', {
          params: { path: { bookingId } },
          body: { purpose: text, language, channel: channel as ReceptionMode },
        }),
      );
      const message = t('hold.confirmed', { when: when(confirmed) });
      announce(message);
      setFlash({ kind: 'success', text: message, booking: confirmed });
      navigate('/bookings');
    } catch (error) {
      fail(error);
      setBusy(null);
    }
  };

  const release = async () => {
    if (busy || !booking) return;
    setBusy('release');
    try {
      await ok(api.POST('/api/v1/bookings/{bookingId}/cancel', { params: { path: { bookingId } }, body: {} }));
      const message = t('hold.released');
      announce(message);
      setFlash({ kind: 'info', text: message });
      navigate(`/officials/${encodeURIComponent(booking.officialId)}/slots`);
    } catch (error) {
      fail(error);
      setBusy(null);
    }
  };

  const onExpired = useCallback(() => setExpired(true), []);

  return (
    <Page title={t('hold.title')}>
      {data.error ? (
        <Notice kind="error">
          <p>{problemText(data.error, t)}</p>
          <p>
            <Link to="/bookings">{t('hold.toMyBookings')}</Link>
          </p>
        </Notice>
      ) : data.loading || !booking ? (
        <p className="loading">{t('common.loading')}</p>
      ) : booking.status !== 'held' ? (
        <Notice kind="info">
          <p>{t('hold.notHeld')}</p>
          <p>
            <Link to="/bookings">{t('hold.toMyBookings')}</Link>
          </p>
        </Notice>
      ) : (
        <>
          <p className="lead">{t('hold.intro')}</p>
          <BookingFacts booking={booking} official={data.data?.official} office={data.data?.office} showStatus={false} />
          {expiresAt ? <HoldTimer expiresAt={expiresAt} onExtend={() => void extend()} extending={busy === 'extend'} onExpired={onExpired} /> : null}
          {expired ? (
            <Notice kind="warning">
              <p>{t('hold.expiredHint')}</p>
              <p>
                <Link to={`/officials/${encodeURIComponent(booking.officialId)}/slots`}>{t('hold.chooseAnother')}</Link>
              </p>
            </Notice>
          ) : null}
          <form onSubmit={submit} noValidate className="form" aria-labelledby="confirm-title">
            <h2 id="confirm-title">{t('hold.formTitle')}</h2>
            <ErrorSummary errors={errors} attempt={attempt} />
            <TextAreaField
              id={FIELDS.purpose}
              label={t('hold.purpose')}
              hint={t('hold.purposeHint', { max: fmt.number(PURPOSE_MAX) })}
              error={errorOf(errors, FIELDS.purpose)}
              value={purpose}
              rows={4}
              maxLength={PURPOSE_MAX}
              onChange={(e) => setPurpose(e.target.value)}
            />
            <SelectField
              id={FIELDS.language}
              label={t('hold.language')}
              hint={t('hold.languageHint')}
              error={errorOf(errors, FIELDS.language)}
              value={language}
              onChange={(e) => isLang(e.target.value) && setLanguage(e.target.value)}
              options={LANGS.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            />
            <RadioGroup
              id={FIELDS.channel}
              legend={t('hold.channel')}
              hint={t(booking.mode === 'remote' ? 'hold.channelHintRemote' : 'hold.channelHintInPerson')}
              error={errorOf(errors, FIELDS.channel)}
              value={channel}
              onChange={(v) => setChannel(v === 'remote' ? 'remote' : 'in_person')}
              options={[
                { value: 'in_person', label: t('mode.in_person'), disabled: booking.mode !== 'in_person' },
                { value: 'remote', label: t('mode.remote'), disabled: booking.mode !== 'remote' },
              ]}
            />
            <div className="actions">
              <Button type="submit" busy={busy === 'confirm'}>
                {t('hold.submit')}
              </Button>
              <Button variant="secondary" busy={busy === 'release'} onClick={() => void release()}>
                {t('hold.release')}
              </Button>
            </div>
          </form>
        </>
      )}
    </Page>
  );
};
