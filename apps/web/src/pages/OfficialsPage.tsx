import { loadOffices, loadOfficials } from '../api/directory';
import type { Rank } from '../api/views';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { problemText } from '../components/problems';
import { useRuleText } from '../components/ruleText';
import { useLoad } from '../hooks';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { Link } from '../router';
import { OFFICE_KIND_KEYS } from './OfficesPage';

export const RANK_KEYS: Record<Rank, MessageKey> = {
  head: 'rank.head',
  deputy: 'rank.deputy',
  department_head: 'rank.department_head',
};

/** Step 2: the official, with their reception hours. */
export const OfficialsPage = ({ officeId }: { officeId: string }) => {
  const { t, pick } = useI18n();
  const ruleText = useRuleText();
  const data = useLoad(async () => {
    const [offices, officials] = await Promise.all([loadOffices(), loadOfficials()]);
    return { office: offices.find((o) => o.officeId === officeId), officials: officials.filter((o) => o.officeId === officeId) };
  }, [officeId]);
  const office = data.data?.office;

  return (
    <Page title={office ? t('officials.title', { office: pick(office.name) }) : t('officials.titleGeneric')}>
      <p>
        <Link to="/offices">
          <span aria-hidden="true">← </span>
          {t('officials.back')}
        </Link>
      </p>
      {data.error ? (
        <Notice kind="error">
          <p>{problemText(data.error, t)}</p>
        </Notice>
      ) : data.loading ? (
        <p className="loading">{t('common.loading')}</p>
      ) : !office ? (
        <Notice kind="error">
          <p>{t('officials.unknownOffice')}</p>
        </Notice>
      ) : (
        <>
          <p className="lead">
            {t(OFFICE_KIND_KEYS[office.kind])}. {pick(office.address)}
          </p>
          {data.data!.officials.length === 0 ? (
            <p className="empty">{t('officials.none')}</p>
          ) : (
            <ul className="cards">
              {data.data!.officials.map((official) => {
                const name = pick(official.displayName, official.officialId);
                return (
                  <li key={official.officialId} className="card">
                    <h2 className="card-title" translate="no">
                      {name}
                    </h2>
                    {official.rank ? <p className="card-kind">{t(RANK_KEYS[official.rank])}</p> : null}
                    <h3 className="card-subtitle">{t('officials.hours')}</h3>
                    {official.receptionRules.length === 0 ? (
                      <p>{t('officials.noHours')}</p>
                    ) : (
                      <ul className="plain-list">
                        {official.receptionRules.map((rule) => (
                          <li key={rule.ruleId}>{ruleText(rule)}</li>
                        ))}
                      </ul>
                    )}
                    <p>
                      <Link
                        className="button button-primary"
                        to={`/officials/${encodeURIComponent(official.officialId)}/slots`}
                        aria-describedby={undefined}
                      >
                        {t('officials.seeTimes')}
                        <span className="visually-hidden">: {name}</span>
                      </Link>
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </Page>
  );
};
