import { loadOffices } from '../api/directory';
import type { OfficeKind } from '../api/views';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { problemText } from '../components/problems';
import { useLoad } from '../hooks';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { Link } from '../router';

export const OFFICE_KIND_KEYS: Record<OfficeKind, MessageKey> = {
  akimat: 'officeKind.akimat',
  public_service_centre: 'officeKind.public_service_centre',
  anti_corruption_centre: 'officeKind.anti_corruption_centre',
};

/** Step 1 of booking: the office (body) whose official the citizen wants to see. */
export const OfficesPage = () => {
  const { t, pick } = useI18n();
  const offices = useLoad(loadOffices, []);
  return (
    <Page title={t('offices.title')}>
      <p className="lead">{t('offices.intro')}</p>
      {offices.error ? (
        <Notice kind="error">
          <p>{problemText(offices.error, t)}</p>
        </Notice>
      ) : offices.loading ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <ul className="cards">
          {(offices.data ?? []).map((office) => (
            <li key={office.officeId} className="card">
              <h2 className="card-title">
                <Link to={`/offices/${encodeURIComponent(office.officeId)}`}>{pick(office.name)}</Link>
              </h2>
              <p className="card-kind">{t(OFFICE_KIND_KEYS[office.kind])}</p>
              <p>{pick(office.address)}</p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
};
