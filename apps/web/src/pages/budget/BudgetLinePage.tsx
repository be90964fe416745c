/**
 * One budget line (institution × programme × year) and its ledger history: every approval,
 * amendment, commitment and payment in the order the ledger recorded them. Corrections are new
 * entries, never edits, so the history is the whole story. `/budget/lines/{lineId}`.
 */
import { Page } from '../../components/Page';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import {
  csvUrl,
  institutionPath,
  loadInstitution,
  loadLine,
  mapPath,
  regionPath,
  yearOfLine,
  type HistoryEntry,
  type HistoryType,
  type LineAnswer,
} from './api';
import {
  Breadcrumbs,
  CompactMoney,
  DataMeta,
  Downloads,
  LoadError,
  Money,
  Percent,
  useFunctionalGroup,
  useRegionName,
} from './common';
import './budget.css';

const HISTORY_TYPES: readonly HistoryType[] = [
  'allocation-approved',
  'allocation-amended',
  'commitment-registered',
  'commitment-reduced',
  'commitment-cancelled',
  'payment-made',
];

/** The entry's kind in words (an unknown kind, from a newer service, as the API wrote it). */
const useHistoryType = () => {
  const { t } = useI18n();
  return (type: string) =>
    HISTORY_TYPES.includes(type as HistoryType) ? t(`budget.history.type.${type as HistoryType}`) : null;
};

/** The amount an entry moved: the signed delta of an amendment, else its amount (the released rest of a cancellation). */
const amountOf = (e: HistoryEntry): string | null => e.delta ?? e.amount ?? null;

const useLineMeta = (line: LineAnswer | undefined) => {
  // The line names its institution and programme; older answers only their ids: then the
  // institution's page of the same year has both names.
  const needInstitution = !!line && (!line.institution?.name || !line.programme?.name);
  const institution = useLoad(
    () => (line && needInstitution ? loadInstitution(line.bin, line.fiscalYear) : Promise.resolve(null)),
    [line?.bin, line?.fiscalYear, needInstitution],
  );
  const fromInstitution = institution.data?.lines.find((l) => l.lineId === line?.lineId)?.programme;
  return {
    institutionName: line?.institution?.name ?? institution.data?.name ?? null,
    programme: line?.programme ?? fromInstitution ?? null,
  };
};

export const BudgetLinePage = ({ lineId }: { lineId: string }) => {
  const { t, pick, fmt } = useI18n();
  const regionName = useRegionName();
  const groupName = useFunctionalGroup();
  const typeName = useHistoryType();
  const line = useLoad(() => loadLine(lineId), [lineId]);
  const data = line.data;
  const { institutionName, programme } = useLineMeta(data);
  const year = data?.fiscalYear ?? yearOfLine(lineId);
  const programmeName = programme ? `${programme.code} ${pick(programme.name, programme.code)}` : null;
  const title = programmeName ?? t('budget.line.title');

  return (
    <Page title={title} wide>
      <Breadcrumbs
        items={[
          { label: t('budget.title'), to: mapPath({ year }) },
          ...(data
            ? [
                {
                  label: <span data-content="data">{regionName(data.regionId)}</span>,
                  to: regionPath(data.regionId, { year }),
                },
                {
                  label: <span data-content="data">{pick(institutionName, data.bin)}</span>,
                  to: institutionPath(data.bin, year),
                },
              ]
            : []),
          { label: <span data-content="data">{programmeName ?? lineId}</span> },
        ]}
      />
      <DataMeta meta={data} />
      {line.error ? <LoadError error={line.error} notFound="budget.line.notFound" /> : null}
      {!data && line.loading ? <p className="loading">{t('common.loading')}</p> : null}

      {data ? (
        <>
          <section aria-labelledby="line-summary">
            <h2 id="line-summary">{t('budget.line.summary')}</h2>
            <dl className="facts budget-facts">
              <div>
                <dt>{t('budget.line.id')}</dt>
                <dd data-content="data" className="code">
                  {data.lineId}
                </dd>
              </div>
              <div>
                <dt>{t('budget.col.institution')}</dt>
                <dd>
                  <Link to={institutionPath(data.bin, year)} data-content="data">
                    {pick(institutionName, data.bin)}
                  </Link>{' '}
                  <span className="muted">
                    ({t('budget.bin')} <span data-content="data">{data.bin}</span>)
                  </span>
                </dd>
              </div>
              {programme ? (
                <div>
                  <dt>{t('budget.col.programme')}</dt>
                  <dd data-content="data">{programmeName}</dd>
                </div>
              ) : null}
              {(programme?.functionalGroup ?? data.functionalGroup) ? (
                <div>
                  <dt>{t('budget.col.group')}</dt>
                  <dd>{groupName(programme?.functionalGroup ?? data.functionalGroup)}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('budget.year')}</dt>
                <dd data-content="data">{data.fiscalYear}</dd>
              </div>
              <div>
                <dt>{t('budget.col.allocated')}</dt>
                <dd>
                  <CompactMoney tiyn={data.allocated} /> (<Money tiyn={data.allocated} exact />)
                </dd>
              </div>
              <div>
                <dt>{t('budget.col.committed')}</dt>
                <dd>
                  <Money tiyn={data.committed} exact />
                </dd>
              </div>
              <div>
                <dt>{t('budget.col.paid')}</dt>
                <dd data-testid="budget-line-paid">
                  <Money tiyn={data.paid} exact />
                </dd>
              </div>
              <div>
                <dt>{t('budget.col.execution')}</dt>
                <dd>
                  <Percent row={data} />
                </dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="line-history">
            <h2 id="line-history">{t('budget.history.title')}</h2>
            <p className="field-hint">{t('budget.history.intro')}</p>
            {data.history.length === 0 ? (
              <p className="empty">{t('budget.history.none')}</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="line-history-caption" tabIndex={0}>
                <table className="data-table budget-table" data-testid="budget-history-table">
                  <caption id="line-history-caption">
                    {t('budget.history.caption', { count: fmt.number(data.history.length) })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('budget.history.position')}
                      </th>
                      <th scope="col">{t('budget.history.date')}</th>
                      <th scope="col">{t('budget.history.type')}</th>
                      <th scope="col" className="num">
                        {t('budget.history.amount')}
                      </th>
                      <th scope="col">{t('budget.history.commitment')}</th>
                      <th scope="col">{t('budget.history.payment')}</th>
                      <th scope="col">{t('budget.history.transaction')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.history.map((e) => {
                      const type = typeName(e.type);
                      const amount = amountOf(e);
                      return (
                        <tr key={`${e.position}-${e.transactionId}-${e.type}`} data-type={e.type}>
                          <td className="num" data-content="data">
                            {e.position}
                          </td>
                          <td>{e.date ? fmt.day(e.date) : ''}</td>
                          <th scope="row">
                            {type ?? <span data-content="data">{e.type}</span>}
                            {e.reason ? (
                              <>
                                <br />
                                <span className="muted small" data-content="data">
                                  {e.reason}
                                </span>
                              </>
                            ) : null}
                          </th>
                          <td className="num">
                            {amount ? <Money tiyn={amount} exact signed={e.delta != null} /> : null}
                          </td>
                          <td className="code" data-content="data">
                            {e.commitmentId ?? ''}
                          </td>
                          <td className="code" data-content="data">
                            {e.paymentId ?? ''}
                          </td>
                          <td className="code" data-content="data">
                            {e.transactionId}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <Downloads
            links={[{ href: csvUrl(`/lines/${encodeURIComponent(lineId)}`), label: t('budget.download.line') }]}
          />
        </>
      ) : null}
    </Page>
  );
};
