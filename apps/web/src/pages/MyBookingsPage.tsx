import { useEffect, useRef, useState } from 'react';
import { api, ok } from '../api/client';
import { loadOffices, loadOfficials } from '../api/directory';
import type { Booking, CitizenBookingListItem } from '../api/views';
import { BookingFacts, useWhen } from '../components/BookingFacts';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { problemText } from '../components/problems';
import { useLoad, useNow } from '../hooks';
import { useI18n } from '../i18n/i18n';
import { useLive, type Flash } from '../live';
import { Link } from '../router';
import { useBookingOverrides } from './overrides';

/** An item of the citizen's list, or a booking as a command just answered it (until the list agrees). */
type Row = CitizenBookingListItem | Booking;

const ACTIVE = ['held', 'confirmed', 'in_progress'];
const isUpcoming = (b: Pick<Row, 'status' | 'endsAt'>, now: number) => ACTIVE.includes(b.status) && Date.parse(b.endsAt) > now;

/** The citizen's bookings: upcoming first, with cancel, reschedule, calendar file and the video link. */
export const MyBookingsPage = () => {
  const { t, fmt, pick } = useI18n();
  const { announce, takeFlash } = useLive();
  const when = useWhen();
  const now = useNow(30_000);
  const [flash, setFlash] = useState<Flash | null>(() => takeFlash());
  const notice = useRef<HTMLDivElement>(null);
  const [cancelling, setCancelling] = useState<Row | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const data = useLoad(async () => {
    const [mine, officials, offices] = await Promise.all([
      ok(api.GET('/api/v1/bookings/mine')),
      loadOfficials(),
      loadOffices(),
    ]);
    return { bookings: mine.bookings, officials, offices };
  }, []);

  const { merged, remember } = useBookingOverrides(data.data?.bookings, data.reload, flash?.booking);

  useEffect(() => {
    if (flash) notice.current?.focus();
  }, [flash]);

  const show = (next: Flash) => {
    setFlash(next);
    announce(next.text, next.kind === 'error' ? 'assertive' : 'polite');
  };

  const cancel = async () => {
    const booking = cancelling;
    if (!booking || busy) return;
    setBusy(booking.bookingId);
    try {
      const updated = await ok(
        api.POST('/api/v1/bookings/{bookingId}/cancel', { params: { path: { bookingId: booking.bookingId } }, body: {} }),
      );
      remember(updated);
      setCancelling(null);
      show({ kind: 'success', text: t('bookings.cancelled', { when: when(booking) }) });
    } catch (error) {
      setCancelling(null);
      show({ kind: 'error', text: problemText(error, t) });
    } finally {
      setBusy(null);
    }
  };

  const downloadIcs = async (booking: Row) => {
    if (busy) return;
    setBusy(`ics-${booking.bookingId}`);
    try {
      const blob = await ok(
        api.GET('/api/v1/bookings/{bookingId}/calendar.ics', { params: { path: { bookingId: booking.bookingId } }, parseAs: 'blob' }),
      );
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `adal-office-${booking.date}-${booking.slotStart.replace(':', '')}.ics`;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(t('bookings.icsDone'));
    } catch (error) {
      show({ kind: 'error', text: problemText(error, t) });
    } finally {
      setBusy(null);
    }
  };

  const officialOf = (b: Row) => data.data?.officials.find((o) => o.officialId === b.officialId);
  const officeOf = (b: Row) => data.data?.offices.find((o) => o.officeId === b.officeId);
  const upcoming = merged.filter((b) => isUpcoming(b, now)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = merged.filter((b) => !isUpcoming(b, now)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));

  const card = (b: Row) => {
    const joinOpen = b.joinOpensAt !== undefined && now >= Date.parse(b.joinOpensAt);
    const titleId = `booking-${b.bookingId}`;
    return (
      <li key={b.bookingId} className="card booking-card">
        <article aria-labelledby={titleId}>
          <h3 id={titleId} className="card-title">
            {when(b)}
          </h3>
          <BookingFacts booking={b} official={officialOf(b)} office={officeOf(b)} showWhen={false} />
          {b.mode === 'remote' && b.joinUrl && (b.status === 'confirmed' || b.status === 'in_progress') ? (
            <div className="join">
              {joinOpen ? (
                <a className="button button-primary" href={b.joinUrl} target="_blank" rel="noopener noreferrer">
                  {t('bookings.join')}
                  <span className="visually-hidden"> ({t('common.newTab')})</span>
                </a>
              ) : (
                <>
                  <Button busy aria-describedby={`${titleId}-join`}>
                    {t('bookings.join')}
                  </Button>
                  <p id={`${titleId}-join`} className="field-hint">
                    {t('bookings.joinOpensAt', { time: fmt.dateTime(b.joinOpensAt!) })}
                  </p>
                </>
              )}
            </div>
          ) : null}
          <div className="actions">
            {b.status === 'held' ? (
              <Link className="button button-primary" to={`/bookings/${encodeURIComponent(b.bookingId)}/confirm`}>
                {t('bookings.continue')}
              </Link>
            ) : null}
            {b.status === 'confirmed' && isUpcoming(b, now) ? (
              <>
                <Link className="button button-secondary" to={`/bookings/${encodeURIComponent(b.bookingId)}/reschedule`}>
                  {t('bookings.reschedule')}
                  <span className="visually-hidden">: {when(b)}</span>
                </Link>
                <Button variant="secondary" busy={busy === `ics-${b.bookingId}`} onClick={() => void downloadIcs(b)}>
                  {t('bookings.ics')}
                  <span className="visually-hidden">: {when(b)}</span>
                </Button>
                <Button variant="danger" onClick={() => setCancelling(b)}>
                  {t('bookings.cancel')}
                  <span className="visually-hidden">: {when(b)}</span>
                </Button>
              </>
            ) : null}
          </div>
        </article>
      </li>
    );
  };

  return (
    <Page title={t('bookings.title')}>
      {flash ? (
        <Notice kind={flash.kind} ref={notice}>
          <p>{flash.text}</p>
        </Notice>
      ) : null}
      <p>
        <Link to="/offices">{t('bookings.bookNew')}</Link>
      </p>
      {data.error ? (
        <Notice kind="error">
          <p>{problemText(data.error, t)}</p>
        </Notice>
      ) : data.loading && !data.data ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">{t('bookings.upcoming')}</h2>
            {upcoming.length === 0 ? <p className="empty">{t('bookings.noneUpcoming')}</p> : <ul className="cards">{upcoming.map(card)}</ul>}
          </section>
          <section aria-labelledby="past-title">
            <h2 id="past-title">{t('bookings.past')}</h2>
            {past.length === 0 ? <p className="empty">{t('bookings.nonePast')}</p> : <ul className="cards">{past.map(card)}</ul>}
          </section>
        </>
      )}
      <ConfirmDialog
        open={cancelling !== null}
        title={t('bookings.cancelTitle')}
        confirmLabel={t('bookings.cancelConfirm')}
        cancelLabel={t('bookings.cancelKeep')}
        onConfirm={() => void cancel()}
        onClose={() => setCancelling(null)}
        busy={busy !== null}
        danger
        initialFocus="cancel"
      >
        {cancelling ? (
          <p>
            {t('bookings.cancelBody', { when: when(cancelling) })}{' '}
            <span translate="no">{pick(officialOf(cancelling)?.displayName, cancelling.officialId)}</span>
          </p>
        ) : null}
      </ConfirmDialog>
    </Page>
  );
};
