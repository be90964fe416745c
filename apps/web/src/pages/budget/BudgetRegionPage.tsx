/**
 * One region of the open budget: its totals and status for the year, spending by functional
 * group, and its institutions as a searchable, sortable, paginated table (each opens its page).
 * `/budget/regions/KZ-75?year=2026&q=&level=&sort=paid&order=desc&page=2`: the address holds the
 * whole view; sorting, searching and paging replace it (the same page, another view).
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useLive } from '../../live';
import { Link, useRouter, useSearchParam } from '../../router';
import {
  csvUrl,
  institutionPath,
  isLevel,
  isSortKey,
  LEVELS,
  loadInstitutions,
  loadRegion,
  mapPath,
  regionPath,
  type InstitutionQuery,
  type Order,
  type RegionView,
  type SortKey,
} from './api';
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

export const PAGE_SIZE = 20;

const SORT_LABELS: Record<SortKey, MessageKey> = {
  name: 'budget.col.institution',
  allocated: 'budget.col.allocated',
  paid: 'budget.col.paid',
  executionPct: 'budget.col.execution',
};

/** A column header that sorts the table by its column (a link: the sort is in the address). */
const SortHeader = ({
  column,
  sort,
  order,
  to,
  numeric,
}: {
  column: SortKey;
  sort: SortKey;
  order: Order;
  to: (sort: SortKey, order: Order) => string;
  numeric?: boolean;
}) => {
  const { t } = useI18n();
  const current = sort === column;
  const next: Order = current ? (order === 'asc' ? 'desc' : 'asc') : column === 'name' ? 'asc' : 'desc';
  return (
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={current ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <SortLink to={to(column, next)} column={column}>
        {t(SORT_LABELS[column])}
        <span className="sort-arrow" aria-hidden="true">
          {current ? (order === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
        <span className="visually-hidden">
          {' '}
          {t(next === 'asc' ? 'budget.sort.ascending' : 'budget.sort.descending')}
        </span>
      </SortLink>
    </th>
  );
};

/** A link that changes the view in place (replaces the address, keeps the focus where it is). */
const SortLink = ({ to, column, children }: { to: string; column?: string; children: ReactNode }) => {
  const { navigate } = useRouter();
  return (
    <a
      href={to}
      data-sort={column}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to, { replace: true });
      }}
    >
      {children}
    </a>
  );
};

export const BudgetRegionPage = ({ regionId }: { regionId: string }) => {
  const { t, pick, fmt } = useI18n();
  const { navigate } = useRouter();
  const { announce } = useLive();
  const regionName = useRegionName();
  const groupName = useFunctionalGroup();
  const { years, year } = useBudgetYear();
  const q = useSearchParam('q') ?? '';
  const levelParam = useSearchParam('level');
  const level = isLevel(levelParam) ? levelParam : '';
  const sortParam = useSearchParam('sort');
  const sort: SortKey = isSortKey(sortParam) ? sortParam : 'allocated';
  const orderParam = useSearchParam('order');
  const order: Order = orderParam === 'asc' || orderParam === 'desc' ? orderParam : sort === 'name' ? 'asc' : 'desc';
  const page = Math.max(1, Number(useSearchParam('page')) || 1);

  const view: RegionView = { year, q, level, sort, order, page };
  const params: InstitutionQuery | null = year ? { year, q, level, sort, order, page, pageSize: PAGE_SIZE } : null;

  const region = useLoad(() => (year ? loadRegion(regionId, year) : Promise.resolve(null)), [regionId, year]);
  const institutions = useLoad(
    () => (params ? loadInstitutions(regionId, params) : Promise.resolve(null)),
    [regionId, year, q, level, sort, order, page],
  );

  const [search, setSearch] = useState(q);
  const [levelChoice, setLevelChoice] = useState<string>(level);
  useEffect(() => setSearch(q), [q]);
  useEffect(() => setLevelChoice(level), [level]);

  // After a search or a page change, say what came out.
  const announceNext = useRef(false);
  useEffect(() => {
    if (!announceNext.current || institutions.loading || !institutions.data) return;
    announceNext.current = false;
    announce(t('budget.institutions.found', { count: fmt.number(institutions.data.total) }));
  }, [institutions.loading, institutions.data, announce, t, fmt]);

  const go = (change: RegionView) => {
    announceNext.current = true;
    navigate(regionPath(regionId, { ...view, ...change }), { replace: true });
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    go({ q: search.trim(), level: levelChoice, page: 1 });
  };

  const name = regionName(regionId, region.data?.name);
  const pages = institutions.data
    ? Math.max(1, Math.ceil(institutions.data.total / (institutions.data.pageSize || PAGE_SIZE)))
    : 1;
  const sortTo = (s: SortKey, o: Order) => regionPath(regionId, { ...view, sort: s, order: o, page: 1 });
  const notFound = region.error?.status === 404;

  return (
    <Page title={name} wide>
      <Breadcrumbs
        items={[
          { label: t('budget.title'), to: mapPath({ year }) },
          { label: <span data-content="data">{name}</span> },
        ]}
      />
      <DataMeta meta={region.data ?? years.data} />
      {years.error ? <LoadError error={years.error} /> : null}
      {region.error ? <LoadError error={region.error} notFound="budget.region.notFound" /> : null}
      {year && !notFound ? (
        <div className="budget-controls">
          <YearSelect
            years={years.data?.years ?? [year]}
            year={year}
            onChange={(y) => navigate(regionPath(regionId, { ...view, year: y, page: 1 }), { replace: true })}
          />
        </div>
      ) : null}
      {!region.data && region.loading ? <p className="loading">{t('common.loading')}</p> : null}

      {region.data && year ? (
        <>
          <section aria-labelledby="region-summary">
            <h2 id="region-summary">{t('budget.summary', { year })}</h2>
            <dl className="facts budget-facts">
              <div>
                <dt>{t('budget.col.allocated')}</dt>
                <dd>
                  <CompactMoney tiyn={region.data.allocated} /> (<Money tiyn={region.data.allocated} />)
                </dd>
              </div>
              <div>
                <dt>{t('budget.col.committed')}</dt>
                <dd>
                  <Money tiyn={region.data.committed} />
                </dd>
              </div>
              <div>
                <dt>{t('budget.col.paid')}</dt>
                <dd>
                  <Money tiyn={region.data.paid} />
                </dd>
              </div>
              <div>
                <dt>{t('budget.col.execution')}</dt>
                <dd>
                  <Percent row={region.data} /> <StatusBadge status={region.data.status} />
                </dd>
              </div>
              {region.data.institutions !== undefined ? (
                <div>
                  <dt>{t('budget.col.institutions')}</dt>
                  <dd data-content="data">{fmt.number(region.data.institutions)}</dd>
                </div>
              ) : null}
            </dl>
          </section>

          {region.data.functionalGroups?.length ? (
            <section aria-labelledby="region-groups">
              <h2 id="region-groups">{t('budget.groups.title')}</h2>
              <div className="table-scroll" role="region" aria-labelledby="region-groups-caption" tabIndex={0}>
                <table className="data-table budget-table">
                  <caption id="region-groups-caption">{t('budget.groups.caption', { region: name, year })}</caption>
                  <thead>
                    <tr>
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
                    {region.data.functionalGroups.map((g) => (
                      <tr key={g.functionalGroup}>
                        <th scope="row">
                          <span className="code" data-content="data">
                            {g.functionalGroup}
                          </span>{' '}
                          {groupName(g.functionalGroup)}
                        </th>
                        <FigureCells row={g} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}

          <section aria-labelledby="region-institutions">
            <h2 id="region-institutions">{t('budget.institutions.title')}</h2>
            <form
              className="form budget-search"
              role="search"
              onSubmit={onSearch}
              aria-labelledby="region-institutions"
            >
              <div className="field-row">
                <div className="field">
                  <label htmlFor="budget-q" className="field-label">
                    {t('budget.institutions.search')}
                  </label>
                  <p id="budget-q-hint" className="field-hint">
                    {t('budget.institutions.searchHint')}
                  </p>
                  <input
                    id="budget-q"
                    name="q"
                    type="search"
                    className="input"
                    value={search}
                    aria-describedby="budget-q-hint"
                    onChange={(e) => setSearch(e.target.value)}
                  />
                </div>
                <div className="field">
                  <label htmlFor="budget-level" className="field-label">
                    {t('budget.col.level')}
                  </label>
                  <select
                    id="budget-level"
                    name="level"
                    className="input"
                    value={levelChoice}
                    onChange={(e) => setLevelChoice(e.target.value)}
                  >
                    <option value="">{t('budget.level.all')}</option>
                    {LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {t(`budget.level.${l}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field field-row-end">
                  <Button type="submit" variant="secondary">
                    {t('budget.institutions.searchSubmit')}
                  </Button>
                </div>
              </div>
            </form>

            {institutions.error ? <LoadError error={institutions.error} /> : null}
            {institutions.data ? (
              <>
                <p className="budget-count" data-testid="budget-count">
                  {t('budget.institutions.count', {
                    count: fmt.number(institutions.data.total),
                    page: fmt.number(Math.min(page, pages)),
                    pages: fmt.number(pages),
                  })}
                </p>
                {institutions.data.items.length === 0 ? (
                  <p className="empty">{t('budget.institutions.none')}</p>
                ) : (
                  <div
                    className="table-scroll"
                    role="region"
                    aria-labelledby="region-institutions-caption"
                    tabIndex={0}
                  >
                    <table className="data-table budget-table" data-testid="budget-institutions-table">
                      <caption id="region-institutions-caption">
                        {t('budget.institutions.caption', { region: name, year })}
                        {q ? ` ${t('budget.institutions.captionSearch', { q })}` : ''}
                      </caption>
                      <thead>
                        <tr>
                          <SortHeader column="name" sort={sort} order={order} to={sortTo} />
                          <th scope="col">{t('budget.col.level')}</th>
                          <SortHeader column="allocated" sort={sort} order={order} to={sortTo} numeric />
                          <th scope="col" className="num">
                            {t('budget.col.committed')}
                          </th>
                          <SortHeader column="paid" sort={sort} order={order} to={sortTo} numeric />
                          <SortHeader column="executionPct" sort={sort} order={order} to={sortTo} numeric />
                          <th scope="col">{t('budget.col.status')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {institutions.data.items.map((i) => (
                          <tr key={i.bin} data-bin={i.bin}>
                            <th scope="row">
                              <Link to={institutionPath(i.bin, year)} data-content="data" className="institution-link">
                                {pick(i.name, i.bin)}
                              </Link>
                              <br />
                              <span className="muted small">
                                {t('budget.bin')} <span data-content="data">{i.bin}</span>
                              </span>
                            </th>
                            <td>{isLevel(i.level) ? t(`budget.level.${i.level}`) : i.level}</td>
                            <FigureCells row={i} />
                            <td>
                              <StatusBadge status={i.status} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {pages > 1 ? (
                  <nav className="pagination" aria-label={t('budget.pagination')}>
                    <ul>
                      <li>
                        {page > 1 ? (
                          <SortLink to={regionPath(regionId, { ...view, page: page - 1 })}>
                            {t('budget.page.previous')}
                          </SortLink>
                        ) : null}
                      </li>
                      {Array.from({ length: pages }, (_, i) => i + 1)
                        .filter((p) => p === 1 || p === pages || Math.abs(p - page) <= 2)
                        .map((p) => (
                          <li key={p}>
                            {p === page ? (
                              <span aria-current="page" className="pagination-current">
                                <span className="visually-hidden">{t('budget.page.label')} </span>
                                {fmt.number(p)}
                              </span>
                            ) : (
                              <SortLink to={regionPath(regionId, { ...view, page: p })}>
                                <span className="visually-hidden">{t('budget.page.label')} </span>
                                {fmt.number(p)}
                              </SortLink>
                            )}
                          </li>
                        ))}
                      <li>
                        {page < pages ? (
                          <SortLink to={regionPath(regionId, { ...view, page: page + 1 })}>
                            {t('budget.page.next')}
                          </SortLink>
                        ) : null}
                      </li>
                    </ul>
                  </nav>
                ) : null}
              </>
            ) : institutions.loading ? (
              <p className="loading">{t('common.loading')}</p>
            ) : null}
          </section>

          <Downloads
            links={[
              {
                href: csvUrl(`/regions/${encodeURIComponent(regionId)}`, { year }),
                label: t('budget.download.region', { region: name, year }),
              },
              {
                href: csvUrl(`/regions/${encodeURIComponent(regionId)}/institutions`, { year, q, level, sort, order }),
                label: t('budget.download.institutions', { region: name, year }),
              },
            ]}
          />
        </>
      ) : null}
    </Page>
  );
};
