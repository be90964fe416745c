/**
 * The open-budget map (public, no sign-in): Kazakhstan's 20 regions coloured by the amount
 * allocated, the amount paid, or the execution status, for one year; every region opens its page.
 * The same numbers as a table under the map, a legend that writes out what each colour means,
 * the CSV of this view and the open data package. `/budget?year=2026&metric=paid`.
 */
import { useMemo } from 'react';
import { KzMap, MapSwatch, SwatchDefs, type MapDatum } from '../../components/budget/KzMap';
import { Page } from '../../components/Page';
import { useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { Link, useRouter, useSearchParam } from '../../router';
import {
  csvUrl,
  isMetric,
  loadRegions,
  mapPath,
  METRICS,
  regionPath,
  STATUSES,
  statusOf,
  type Metric,
  type RegionRow,
} from './api';
import {
  FigureCells,
  DataMeta,
  Downloads,
  LoadError,
  Money,
  Percent,
  STATUS_STYLE,
  StatusBadge,
  useBudgetYear,
  useMoney,
  useRegionName,
  YearSelect,
} from './common';
import { shareOf, tiynOf } from './format';
import './budget.css';

/** Sequential scales (light to dark), one per amount metric. */
const SCALES: Record<'allocated' | 'paid', string[]> = {
  allocated: ['#e3eef8', '#b3d1ea', '#78acd6', '#3a7fba', '#155a93'],
  paid: ['#ece9f4', '#cdc6e3', '#a397c9', '#7563ad', '#4b2f8a'],
};

const METRIC_KEYS: Record<Metric, MessageKey> = {
  allocated: 'budget.metric.allocated',
  paid: 'budget.metric.paid',
  execution: 'budget.metric.execution',
};

interface AmountClass {
  fill: string;
  min: bigint;
  max: bigint;
  count: number;
}

/**
 * Quantile classes of an amount over the regions: ranks split into up to five groups, ties kept
 * together; each class knows the range it actually holds (for the legend).
 */
const amountClasses = (rows: RegionRow[], metric: 'allocated' | 'paid') => {
  const scale = SCALES[metric];
  const values = rows.map((r) => tiynOf(r[metric])).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const classOf = (v: bigint): number => {
    const rank = values.findIndex((x) => x === v);
    return Math.min(scale.length - 1, Math.floor((rank * scale.length) / Math.max(1, values.length)));
  };
  const classes = new Map<number, AmountClass>();
  for (const v of values) {
    const c = classOf(v);
    const current = classes.get(c);
    if (!current) classes.set(c, { fill: scale[c]!, min: v, max: v, count: 1 });
    else {
      current.max = v;
      current.count++;
    }
  }
  return {
    classOf: (v: bigint) => scale[classOf(v)]!,
    classes: [...classes.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c),
  };
};

const MetricSwitch = ({ metric, onChange }: { metric: Metric; onChange: (m: Metric) => void }) => {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset budget-metric">
      <legend className="field-label">{t('budget.metric.label')}</legend>
      <div className="radios radios-inline">
        {METRICS.map((m) => (
          <div className="radio" key={m}>
            <input
              type="radio"
              id={`budget-metric-${m}`}
              name="metric"
              value={m}
              checked={metric === m}
              onChange={() => onChange(m)}
            />
            <label htmlFor={`budget-metric-${m}`}>{t(METRIC_KEYS[m])}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
};

export const BudgetMapPage = () => {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const money = useMoney();
  const regionName = useRegionName();
  const metricParam = useSearchParam('metric');
  const metric: Metric = isMetric(metricParam) ? metricParam : 'allocated';
  const { years, year } = useBudgetYear();
  const regions = useLoad(() => (year ? loadRegions(year) : Promise.resolve(null)), [year]);
  const rows = useMemo(() => regions.data?.items ?? [], [regions.data]);

  const scale = useMemo(() => (metric === 'execution' ? null : amountClasses(rows, metric)), [rows, metric]);
  const valueText = (r: RegionRow): string => {
    if (metric !== 'execution') return money.compact(tiynOf(r[metric]));
    const share = shareOf(r);
    const status = t(`budget.status.${statusOf(r.status)}`);
    return share === null ? status : `${money.percent(share)} (${status})`;
  };
  const data = new Map<string, MapDatum>(
    rows.map((r) => {
      const label = `${regionName(r.regionId, r.name)}: ${valueText(r)}`;
      if (scale) return [r.regionId, { label, fill: scale.classOf(tiynOf(r[metric as 'allocated' | 'paid'])) }];
      return [r.regionId, { label, ...STATUS_STYLE[statusOf(r.status)] }];
    }),
  );
  const statusCounts = new Map(STATUSES.map((s) => [s, rows.filter((r) => statusOf(r.status) === s).length]));

  const go = (next: { year?: number; metric?: Metric }) =>
    navigate(mapPath({ year: next.year ?? year, metric: next.metric ?? metric }), { replace: true });

  const title = t('budget.map.title');
  const caption = year ? t('budget.map.caption', { metric: t(METRIC_KEYS[metric]), year }) : title;

  return (
    <Page title={title} wide>
      <p className="lead">{t('budget.map.intro')}</p>
      <DataMeta meta={regions.data ?? years.data} />
      {years.error ? <LoadError error={years.error} /> : null}
      {regions.error ? <LoadError error={regions.error} /> : null}

      {year ? (
        <div className="budget-controls">
          <YearSelect years={years.data?.years ?? [year]} year={year} onChange={(y) => go({ year: y })} />
          <MetricSwitch metric={metric} onChange={(m) => go({ metric: m })} />
        </div>
      ) : null}

      {!regions.data && (regions.loading || years.loading) ? <p className="loading">{t('common.loading')}</p> : null}

      {regions.data && year ? (
        <>
          <section aria-labelledby="budget-map-title" className="budget-map-section">
            <h2 id="budget-map-title">{caption}</h2>
            <p id="budget-map-help" className="field-hint">
              {t('budget.map.help')}
            </p>
            <div className="budget-map-layout">
              <KzMap
                labelledBy="budget-map-title"
                describedBy="budget-map-help"
                data={data}
                onOpen={(id) => navigate(regionPath(id, { year }))}
              />
              <div className="budget-legend" aria-labelledby="budget-legend-title" role="group">
                <SwatchDefs />
                <h3 id="budget-legend-title">{t('budget.legend.title')}</h3>
                {scale ? (
                  <>
                    <p className="field-hint">{t('budget.legend.amountHint')}</p>
                    <ul className="legend-list">
                      {scale.classes.map((c) => (
                        <li key={c.fill}>
                          <MapSwatch fill={c.fill} />
                          <span data-content="data">
                            {c.min === c.max
                              ? money.compact(c.min)
                              : t('budget.legend.range', { from: money.compact(c.min), to: money.compact(c.max) })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <>
                    <p className="field-hint">{t('budget.legend.statusHint')}</p>
                    <ul className="legend-list legend-status">
                      {STATUSES.map((s) => (
                        <li key={s}>
                          <MapSwatch {...STATUS_STYLE[s]} />
                          <span>
                            <strong>{t(`budget.status.${s}`)}</strong>
                            {' — '}
                            {t(`budget.status.${s}.meaning`)}{' '}
                            <span className="muted">
                              {t('budget.legend.count', { count: statusCounts.get(s) ?? 0 })}
                            </span>
                          </span>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {scale && rows.length < 20 ? (
                  <ul className="legend-list">
                    <li>
                      <MapSwatch {...STATUS_STYLE.none} />
                      <span>{t('budget.noData')}</span>
                    </li>
                  </ul>
                ) : null}
              </div>
            </div>
          </section>

          <section aria-labelledby="budget-table-title">
            <h2 id="budget-table-title">{t('budget.regions.tableTitle')}</h2>
            <div className="table-scroll" role="region" aria-labelledby="budget-table-caption" tabIndex={0}>
              <table className="data-table budget-table" data-testid="budget-regions-table">
                <caption id="budget-table-caption">{t('budget.regions.caption', { year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('budget.col.region')}</th>
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
                    <th scope="col">{t('budget.col.status')}</th>
                    <th scope="col" className="num">
                      {t('budget.col.institutions')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.regionId} data-region={r.regionId}>
                      <th scope="row">
                        <Link to={regionPath(r.regionId, { year })} data-content="data">
                          {regionName(r.regionId, r.name)}
                        </Link>
                      </th>
                      <FigureCells row={r} />
                      <td>
                        <StatusBadge status={r.status} />
                      </td>
                      <td className="num" data-content="data">
                        {r.institutions ?? ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('budget.total')}</th>
                    <td className="num">
                      <Money tiyn={regions.data.totals.allocated} />
                    </td>
                    <td className="num">
                      <Money tiyn={regions.data.totals.committed} />
                    </td>
                    <td className="num">
                      <Money tiyn={regions.data.totals.paid} />
                    </td>
                    <td className="num">
                      <Percent row={regions.data.totals} />
                    </td>
                    <td>{regions.data.totals.status ? <StatusBadge status={regions.data.totals.status} /> : null}</td>
                    <td className="num" data-content="data">
                      {regions.data.totals.institutions ?? ''}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>

          <Downloads links={[{ href: csvUrl('/regions', { year }), label: t('budget.download.regions', { year }) }]} />
        </>
      ) : null}
    </Page>
  );
};
