import { useState } from 'react';
import { api, ok } from '../api/client';
import { loadOffices, loadOfficials } from '../api/directory';
import type { FreeSlot } from '../api/views';
import { BookingFacts, useWhen } from '../components/BookingFacts';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { problemText } from '../components/problems';
import { SlotPicker } from '../components/SlotPicker';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n/i18n';
import { useLive } from '../live';
import { Link, useRouter } from '../router';
import { useSlotParams } from './SlotsPage';

/** Moves a confirmed booking to another free time of the same official. */
export const ReschedulePage = ({ bookingId }: { bookingId: string }) => {
  const { t, pick } = useI18n();
  const { announce, setFlash } = useLive();
  const { navigate } = useRouter();
  const when = useWhen();
  const { view, week, onViewChange, onWeekChange } = useSlotParams();
  const [target, setTarget] = useState<{ date: string; slot: FreeSlot } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  const data = useLoad(async () => {
    const [booking, officials, offices] = await Promise.all([
      ok(api.GET('/api/v1/bookings/{bookingId}', { params: { path: { bookingId } } })),
      loadOfficials(),
      loadOffices(),
    ]);
    return {
      booking,
      official: officials.find((o) => o.officialId === booking.officialId),
      office: offices.find((o) => o.officeId === booking.officeId),
    };
  }, [bookingId]);
  const booking = data.data?.booking;

  const move = async () => {
    if (!target || busy) return;
    setBusy(true);
    try {
      const moved = await ok(
        api.POST('/api/v1/bookings/{bookingId}/reschedule', {
          params: { path: { bookingId } },
          body: { date: target.date, slotStart: target.slot.start },
        }),
      );
      const message = t('reschedule.done', { when: when(moved) });
      announce(message);
      setFlash({ kind: 'success', text: message, booking: moved });
      setTarget(null);
      navigate('/bookings');
    } catch (e) {
      const message = problemText(e, t);
      setTarget(null);
      setError(message);
      announce(message, 'assertive');
      setBusy(false);
      setReloadKey((n) => n + 1);
    }
  };

  const targetWhen = target
    ? when({ date: target.date, slotStart: target.slot.start, slotEnd: target.slot.end })
    : '';

  return (
    <Page title={t('reschedule.title')} wide>
      <p>
        <Link to="/bookings">
          <span aria-hidden="true">← </span>
          {t('reschedule.back')}
        </Link>
      </p>
      {data.error ? (
        <Notice kind="error">
          <p>{problemText(data.error, t)}</p>
        </Notice>
      ) : data.loading || !booking ? (
        <p className="loading">{t('common.loading')}</p>
      ) : booking.status !== 'confirmed' ? (
        <Notice kind="info">
          <p>{t('reschedule.notConfirmed')}</p>
        </Notice>
      ) : (
        <>
          <h2>{t('reschedule.current')}</h2>
          <BookingFacts booking={booking} official={data.data?.official} office={data.data?.office} />
          <p>{t('reschedule.howTo')}</p>
          {error ? (
            <Notice kind="error">
              <p>{error}</p>
            </Notice>
          ) : null}
          <SlotPicker
            officialId={booking.officialId}
            view={view}
            onViewChange={onViewChange}
            week={week}
            onWeekChange={onWeekChange}
            onChoose={(date, slot) => setTarget({ date, slot })}
            busy={busy}
            reloadKey={reloadKey}
          />
          <ConfirmDialog
            open={target !== null}
            title={t('reschedule.confirmTitle')}
            confirmLabel={t('reschedule.confirm')}
            cancelLabel={t('reschedule.keep')}
            onConfirm={() => void move()}
            onClose={() => setTarget(null)}
            busy={busy}
          >
            <p>
              {t('reschedule.confirmBody', { from: when(booking), to: targetWhen })}{' '}
              <span translate="no">{pick(data.data?.official?.displayName, booking.officialId)}</span>
            </p>
          </ConfirmDialog>
        </>
      )}
    </Page>
  );
};
