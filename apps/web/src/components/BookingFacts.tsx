import type { Booking, BookingStatus, Office, Official } from '../api/views';
import { useI18n, type MessageKey } from '../i18n/i18n';

/**
 * What the facts show: a booking itself, or an item of a list (lists never carry the purpose or
 * the summary).
 */
export type BookingShown = Pick<
  Booking,
  'officialId' | 'date' | 'slotStart' | 'slotEnd' | 'mode' | 'status' | 'language' | 'purpose' | 'outcome' | 'summary'
>;

export const STATUS_KEYS: Record<BookingStatus, MessageKey> = {
  held: 'status.held',
  lapsed: 'status.lapsed',
  confirmed: 'status.confirmed',
  cancelled: 'status.cancelled',
  no_show: 'status.no_show',
  in_progress: 'status.in_progress',
  completed: 'status.completed',
};

export const StatusBadge = ({ status }: { status: BookingStatus }) => {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(STATUS_KEYS[status])}</span>;
};

/** "Monday, 23 November 2026, 15:00–15:15" */
export const useWhen = () => {
  const { fmt } = useI18n();
  return (b: Pick<Booking, 'date' | 'slotStart' | 'slotEnd'>) =>
    `${fmt.date(b.date)}, ${fmt.time(b.date, b.slotStart)}–${fmt.time(b.date, b.slotEnd)}`;
};

/** The facts of a booking as a description list. */
export const BookingFacts = ({
  booking,
  official,
  office,
  showStatus = true,
  showOfficial = true,
  showWhen = true,
}: {
  booking: BookingShown;
  official?: Official | undefined;
  office?: Office | undefined;
  showStatus?: boolean;
  showOfficial?: boolean;
  /** Off where a heading already says when. */
  showWhen?: boolean;
}) => {
  const { t, pick } = useI18n();
  const when = useWhen();
  return (
    <dl className="facts">
      {showOfficial ? (
        <div>
          <dt>{t('booking.official')}</dt>
          <dd translate="no">{pick(official?.displayName, booking.officialId)}</dd>
        </div>
      ) : null}
      {showWhen ? (
        <div>
          <dt>{t('booking.when')}</dt>
          <dd>{when(booking)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('booking.mode')}</dt>
        <dd>{t(booking.mode === 'remote' ? 'mode.remote' : 'mode.in_person')}</dd>
      </div>
      {booking.mode === 'in_person' && office ? (
        <div>
          <dt>{t('booking.place')}</dt>
          <dd>
            {pick(office.name)}, {pick(office.address)}
          </dd>
        </div>
      ) : null}
      {showStatus ? (
        <div>
          <dt>{t('booking.status')}</dt>
          <dd>
            <StatusBadge status={booking.status} />
          </dd>
        </div>
      ) : null}
      {booking.language ? (
        <div>
          <dt>{t('booking.language')}</dt>
          <dd>{t(`language.${booking.language}`)}</dd>
        </div>
      ) : null}
      {booking.purpose ? (
        <div>
          <dt>{t('booking.purpose')}</dt>
          <dd className="user-text" data-content="user">{booking.purpose}</dd>
        </div>
      ) : null}
      {booking.outcome ? (
        <div>
          <dt>{t('booking.outcome')}</dt>
          <dd>{t(`outcome.${booking.outcome}`)}</dd>
        </div>
      ) : null}
      {booking.summary ? (
        <div>
          <dt>{t('booking.summary')}</dt>
          <dd className="user-text" data-content="user">{booking.summary}</dd>
        </div>
      ) : null}
    </dl>
  );
};
