/**
 * Pieces every open-budget page shares: the year in the address, the "synthetic demo data"
 * banner, breadcrumbs, money and status cells, the year switch and the open-data links.
 */
import { useId, type ReactNode } from 'react';
import { REGION_NAMES } from '../../components/budget/kzRegionNames.generated';
import type { MapPattern } from '../../components/budget/KzMap';
import { Notice } from '../../components/Notice';
import { problemText } from '../../components/problems';
import type { Loaded } from '../../hooks';
import { useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { Link, useSearchParam } from '../../router';
import { DATAPACKAGE_URL, loadYears, statusOf, yearParam, type Meta, type Status, type YearsAnswer } from './api';
import { moneyFormat, shareOf, tiynOf } from './format';

/** The budget years and the one the address asks for (else the API's current year). */
export const useBudgetYear = (): { years: Loaded<YearsAnswer>; year: number | null; asked: number | null } => {
  const asked = yearParam(useSearchParam('year'));
  const years = useLoad(() => loadYears(), []);
  return { years, year: asked ?? years.data?.current ?? null, asked };
};

/** The region's name in the current language, from the map's data (OpenStreetMap names). */
export const useRegionName = () => {
  const { pick } = useI18n();
  return (regionId: string, fromApi?: { kk: string; ru: string; en: string } | null) =>
    pick(fromApi ?? REGION_NAMES[regionId], regionId);
};

export const useMoney = () => {
  const { lang } = useI18n();
  return moneyFormat(lang);
};

/** An amount from the API, exact to the tenge (data: not translated). */
export const Money = ({
  tiyn,
  exact = false,
  signed = false,
}: {
  tiyn: string | null | undefined;
  exact?: boolean;
  /** Show "+" on a positive amount (a change, not a balance). */
  signed?: boolean;
}) => {
  const money = useMoney();
  const value = tiynOf(tiyn);
  return (
    <span className="money" data-content="data">
      {signed && value > 0n ? '+' : ''}
      {exact ? money.exact(value) : money.full(value)}
    </span>
  );
};

/** An amount as "1,2 трлн ₸" with the full figure for assistive technology and on hover. */
export const CompactMoney = ({ tiyn }: { tiyn: string | null | undefined }) => {
  const money = useMoney();
  const value = tiynOf(tiyn);
  return (
    <span className="money" data-content="data" title={money.full(value)}>
      {money.compact(value)}
    </span>
  );
};

/** The figure cells every budget table row ends its money part with: allocated, committed, paid, execution. */
export const FigureCells = ({
  row,
}: {
  row: { allocated: string; committed: string; paid: string; executionPct?: number | string | null };
}) => (
  <>
    <td className="num">
      <Money tiyn={row.allocated} />
    </td>
    <td className="num">
      <Money tiyn={row.committed} />
    </td>
    <td className="num">
      <Money tiyn={row.paid} />
    </td>
    <td className="num">
      <Percent row={row} />
    </td>
  </>
);

export const Percent = ({
  row,
}: {
  row: { executionPct?: number | string | null; paid: string; allocated: string };
}) => {
  const money = useMoney();
  const share = shareOf(row);
  const { t } = useI18n();
  return share === null ? (
    <span className="muted">{t('budget.notApplicable')}</span>
  ) : (
    <span className="money" data-content="data">
      {money.percent(share)}
    </span>
  );
};

/** Map fill and texture of each status: the texture tells them apart without colour. */
export const STATUS_STYLE: Record<Status, { fill: string; pattern?: MapPattern }> = {
  green: { fill: '#3a9a5b' },
  yellow: { fill: '#f2c94c', pattern: 'dots' },
  red: { fill: '#d64545', pattern: 'hatch' },
  none: { fill: '#d5dade', pattern: 'cross' },
};

export const StatusBadge = ({ status }: { status: unknown }) => {
  const { t } = useI18n();
  const s = statusOf(status);
  return <span className={`badge budget-status budget-status-${s}`}>{t(`budget.status.${s}`)}</span>;
};

/** The banner shown whenever the API says its data is the generated demo set, and the as-of date. */
export const DataMeta = ({ meta }: { meta: Meta | null | undefined }) => {
  const { t, fmt } = useI18n();
  if (!meta) return null;
  return (
    <>
      {meta.synthetic ? (
        <div className="notice notice-warning budget-synthetic" data-testid="budget-synthetic">
          <p>
            <strong>{t('budget.synthetic.title')}</strong> {t('budget.synthetic.text')}
          </p>
        </div>
      ) : null}
      {meta.asOf ? <p className="budget-as-of">{t('budget.asOf', { date: fmt.day(meta.asOf) })}</p> : null}
    </>
  );
};

export interface Crumb {
  label: ReactNode;
  to?: string;
}

export const Breadcrumbs = ({ items }: { items: Crumb[] }) => {
  const { t } = useI18n();
  return (
    <nav aria-label={t('budget.breadcrumbs')} className="breadcrumbs">
      <ol>
        {items.map((c, i) => (
          <li key={i}>
            {c.to && i < items.length - 1 ? (
              <Link to={c.to}>{c.label}</Link>
            ) : (
              <span aria-current="page">{c.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
};

/** The year switch: changes the address (a new view of the same page). */
export const YearSelect = ({
  years,
  year,
  onChange,
}: {
  years: number[];
  year: number;
  onChange: (year: number) => void;
}) => {
  const { t } = useI18n();
  const id = useId();
  const list = years.includes(year) ? years : [...years, year].sort((a, b) => b - a);
  return (
    <div className="field budget-year">
      <label htmlFor={id} className="field-label">
        {t('budget.year')}
      </label>
      <select
        id={id}
        name="year"
        className="input input-short"
        value={year}
        onChange={(e) => onChange(Number(e.target.value))}
        data-testid="budget-year"
      >
        {list.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
};

/** CSV of this very view (the same API address with `format=csv`), and the open data package. */
export const Downloads = ({ links }: { links: Array<{ href: string; label: string }> }) => {
  const { t } = useI18n();
  return (
    <section aria-labelledby="budget-downloads" className="budget-downloads">
      <h2 id="budget-downloads">{t('budget.download.title')}</h2>
      <ul className="plain-list">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} download data-testid="budget-csv">
              {l.label}
            </a>{' '}
            <span className="muted">{t('budget.download.csv')}</span>
          </li>
        ))}
        <li>
          <a href={DATAPACKAGE_URL} data-testid="budget-datapackage">
            {t('budget.download.datapackage')}
          </a>{' '}
          <span className="muted">{t('budget.download.datapackageHint')}</span>
        </li>
      </ul>
    </section>
  );
};

/** An API failure, in the reader's language. */
export const LoadError = ({ error, notFound }: { error: unknown; notFound?: MessageKey }) => {
  const { t } = useI18n();
  const status = (error as { status?: number } | undefined)?.status;
  return (
    <Notice kind="error">
      <p>{status === 404 && notFound ? t(notFound) : problemText(error, t)}</p>
    </Notice>
  );
};

/** A functional group of the budget classification (01..13) by name. */
export const useFunctionalGroup = () => {
  const { t } = useI18n();
  return (code: string | null | undefined): string => {
    const key = `budget.fg.${(code ?? '').padStart(2, '0')}`;
    return /^budget\.fg\.(0[1-9]|1[0-3])$/.test(key) ? t(key as MessageKey) : (code ?? '');
  };
};

export { statusOf };
