/**
 * One state institution of the open budget: who it is, its totals for the year, and its budget
 * lines (one per programme), each opening the line's ledger history. `/budget/institutions/{bin}?year=`.
 */
import { Page } from '../../components/Page';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n/i18n';
import { Link, useRouter } from '../../router';
import { csvUrl, institutionPath, isLevel, linePath, loadInstitution, mapPath, regionPath } from './api';
import {
  FigureCells,
  Breadcrumbs,
  CompactMoney,
  DataMeta,
  Downloads,
  LoadError,
  Money,
  Percent,
  StatusBadge,
  useBudgetYear,
  useFunctionalGroup,
  useRegionName,
  YearSelect,
} from './common';
import './budget.css';

export const BudgetInstitutionPage = ({ bin }: { bin: string }) => {
  const { t, pick } = useI18n();
  const { navigate } = useRouter();
  const regionName = useRegionName();
  const groupName = useFunctionalGroup();
  const { years, year } = useBudgetYear();
  const institution = useLoad(() => (year ? loadInstitution(bin, year) : Promise.resolve(null)), [bin, year]);
  const data = institution.data;
  const name = data ? pick(data.name, bin) : t('budget.institution.title');
  const notFound = institution.error?.status === 404;

  return (
    <Page title={name} wide>
      <Breadcrumbs
        items={[
          { label: t('budget.title'), to: mapPath({ year }) },
          ...(data
            ? [
                {
                  label: <span data-content="data">{regionName(data.regionId)}</span>,
                  to: regionPath(data.regionId, { year }),
                },
              ]
            : []),
          { label: <span data-content="data">{name}</span> },
        ]}
      />
      <DataMeta meta={data ?? years.data} />
      {years.error ? <LoadError error={years.error} /> : null}
      {institution.error ? <LoadError error={institution.error} notFound="budget.institution.notFound" /> : null}
      {year && !notFound ? (
        <div className="budget-controls">
          <YearSelect
            years={years.data?.years ?? [year]}
            year={year}
            onChange={(y) => navigate(institutionPath(bin, y), { replace: true })}
          />
        </div>
      ) : null}
      {!data && institution.loading ? <p className="loading">{t('common.loading')}</p> : null}

      {data && year ? (
        <>
          <section aria-labelledby="institution-summary">
            <h2 id="institution-summary">{t('budget.summary', { year })}</h2>
            <dl className="facts budget-facts">
              <div>
                <dt>{t('budget.bin')}</dt>
                <dd data-content="data">{data.bin}</dd>
              </div>
              <div>
                <dt>{t('budget.col.region')}</dt>
                <dd>
                  <Link to={regionPath(data.regionId, { year })} data-content="data">
                    {regionName(data.regionId)}
                  </Link>
                </dd>
              </div>
              <div>
                <dt>{t('budget.col.level')}</dt>
                <dd>{isLevel(data.level) ? t(`budget.level.${data.level}`) : data.level}</dd>
              </div>
              <div>
                <dt>{t('budget.col.allocated')}</dt>
                <dd>
                  <CompactMoney tiyn={data.allocated} /> (<Money tiyn={data.allocated} />)
                </dd>
              </div>
              <div>
                <dt>{t('budget.col.committed')}</dt>
                <dd>
                  <Money tiyn={data.committed} />
                </dd>
              </div>
              <div>
                <dt>{t('budget.col.paid')}</dt>
                <dd>
                  <Money tiyn={data.paid} />
                </dd>
              </div>
              <div>
                <dt>{t('budget.col.execution')}</dt>
                <dd>
                  <Percent row={data} /> {data.status ? <StatusBadge status={data.status} /> : null}
                </dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="institution-lines">
            <h2 id="institution-lines">{t('budget.lines.title')}</h2>
            {data.lines.length === 0 ? (
              <p className="empty">{t('budget.lines.none')}</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="institution-lines-caption" tabIndex={0}>
                <table className="data-table budget-table" data-testid="budget-lines-table">
                  <caption id="institution-lines-caption">{t('budget.lines.caption', { year })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('budget.col.programme')}</th>
                      <th scope="col">{t('budget.col.group')}</th>
                      <th scope="col" className="num">
                        {t('budget.col.allocated')}
                      </th>
                      <th scope="col" className="num">
                        {t('budget.col.committed')}
                      </th>
                      <th scope="col" className="num">
                        {t('budget.col.paid')}
                      </th>
                      <th scope="col" className="num">
                        {t('budget.col.execution')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.lines.map((l) => (
                      <tr key={l.lineId} data-line={l.lineId}>
                        <th scope="row">
                          <Link to={linePath(l.lineId)} className="line-link">
                            <span className="code" data-content="data">
                              {l.programme.code}
                            </span>{' '}
                            <span data-content="data">{pick(l.programme.name, l.programme.code)}</span>
                          </Link>
                        </th>
                        <td>{groupName(l.programme.functionalGroup)}</td>
                        <FigureCells row={l} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <Downloads
            links={[
              {
                href: csvUrl(`/institutions/${encodeURIComponent(bin)}`, { year }),
                label: t('budget.download.institution', { year }),
              },
            ]}
          />
        </>
      ) : null}
    </Page>
  );
};
