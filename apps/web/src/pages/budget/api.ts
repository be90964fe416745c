/**
 * The open budget's public API (`/api/v1/budget/...`, no sign-in; docs/budget.md) and the
 * addresses of the budget pages. Amounts are tiyn as decimal strings; every answer says whether
 * the data is the synthetic demo set and as of which date.
 */
import { api, ApiError, ok } from '../../api/client';
import type { components, operations } from '../../api/schema';

type Schemas = components['schemas'];

// ---- what the API answers: aliases of the generated schema (apps/web/src/api/schema.d.ts) ----

export type YearsAnswer = Schemas['BudgetYears'];
export type RegionsAnswer = Schemas['BudgetRegions'];
export type RegionRow = Schemas['BudgetRegionRow'];
export type RegionAnswer = Schemas['BudgetRegion'];
export type FunctionalGroupRow = Schemas['BudgetFunctionalGroupRow'];
export type InstitutionRow = Schemas['BudgetInstitutionRow'];
export type InstitutionsAnswer = Schemas['BudgetInstitutionPage'];
export type InstitutionAnswer = Schemas['BudgetInstitution'];
export type LineRow = Schemas['BudgetLineRow'];
export type ProgrammeRef = Schemas['BudgetProgrammeRef'];
export type LineAnswer = Schemas['BudgetLine'];
export type HistoryEntry = Schemas['BudgetHistoryEntry'];
export type HistoryType = HistoryEntry['type'];

export type Status = RegionRow['status'];
export const STATUSES: readonly Status[] = ['green', 'yellow', 'red', 'none'];
export type Level = InstitutionRow['level'];
export const LEVELS: readonly Level[] = ['republican', 'regional', 'district', 'rural'];
export type Metric = 'allocated' | 'paid' | 'execution';
export const METRICS: readonly Metric[] = ['allocated', 'paid', 'execution'];
type InstitutionsQuery = NonNullable<operations['BudgetController_institutions']['parameters']['query']>;
export type SortKey = NonNullable<InstitutionsQuery['sort']>;
export const SORT_KEYS: readonly SortKey[] = ['name', 'allocated', 'paid', 'executionPct'];
export type Order = NonNullable<InstitutionsQuery['order']>;

/** What every answer says: whether it is the generated demo data set, and as of which date. */
export type Meta = Pick<YearsAnswer, 'synthetic' | 'asOf'>;

// ---- the API ------------------------------------------------------------------------------------

const API = '/api/v1/budget';

type Query = Record<string, string | number | undefined | null>;

const query = (params: Query): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** The CSV of an API address: the same filters, all pages (`format=csv`). */
export const csvUrl = (path: string, params: Query = {}): string =>
  `${API}${path}${query({ ...params, format: 'csv' })}`;

/** The Fiscal Data Package descriptor of the open data. */
export const DATAPACKAGE_URL = `${API}/open-data/datapackage.json`;

/** A read answer as JSON: these routes also speak CSV (`format=csv`), which the pages only link to. */
const json = async <T>(call: Promise<T | string>): Promise<T> => {
  const value = await call;
  if (typeof value === 'string') throw new ApiError(0, null, 'expected JSON, got text');
  return value;
};

/** An empty search or filter is no filter. */
const given = <T extends string>(value: T | '' | null | undefined): T | undefined => (value ? value : undefined);

export const loadYears = () => json(ok(api.GET('/api/v1/budget/years')));

export const loadRegions = (year: number) =>
  json(ok(api.GET('/api/v1/budget/regions', { params: { query: { year } } })));

export const loadRegion = (regionId: string, year: number) =>
  json(ok(api.GET('/api/v1/budget/regions/{regionId}', { params: { path: { regionId }, query: { year } } })));

export interface InstitutionQuery {
  year: number;
  q?: string;
  level?: Level | '';
  sort: SortKey;
  order: Order;
  page: number;
  pageSize: number;
}

export const loadInstitutions = (regionId: string, p: InstitutionQuery) =>
  json(
    ok(
      api.GET('/api/v1/budget/regions/{regionId}/institutions', {
        params: {
          path: { regionId },
          query: {
            year: p.year,
            q: given(p.q?.trim()),
            level: given(p.level),
            sort: p.sort,
            order: p.order,
            page: p.page,
            pageSize: p.pageSize,
          },
        },
      }),
    ),
  );

export const loadInstitution = (bin: string, year: number) =>
  json(ok(api.GET('/api/v1/budget/institutions/{bin}', { params: { path: { bin }, query: { year } } })));

export const loadLine = (lineId: string) =>
  json(ok(api.GET('/api/v1/budget/lines/{lineId}', { params: { path: { lineId } } })));

// ---- the pages' addresses (the URL holds the whole view, so any view can be shared) ----------------

export const isMetric = (value: unknown): value is Metric => METRICS.includes(value as Metric);
export const isSortKey = (value: unknown): value is SortKey => SORT_KEYS.includes(value as SortKey);
export const isLevel = (value: unknown): value is Level => LEVELS.includes(value as Level);
export const statusOf = (value: unknown): Status =>
  value === 'green' || value === 'yellow' || value === 'red' ? value : 'none';

/** A year from the address: four digits, or null. */
export const yearParam = (value: string | null): number | null =>
  value && /^\d{4}$/.test(value) ? Number(value) : null;

export const mapPath = (p: { year?: number | null; metric?: Metric }): string =>
  `/budget${query({ year: p.year, metric: p.metric && p.metric !== 'allocated' ? p.metric : undefined })}`;

export interface RegionView {
  year?: number | null;
  q?: string | null;
  level?: string | null;
  sort?: SortKey;
  order?: Order;
  page?: number;
}

export const regionPath = (regionId: string, v: RegionView = {}): string =>
  `/budget/regions/${encodeURIComponent(regionId)}${query({
    year: v.year,
    q: v.q,
    level: v.level,
    sort: v.sort,
    order: v.order,
    page: v.page && v.page > 1 ? v.page : undefined,
  })}`;

export const institutionPath = (bin: string, year?: number | null): string =>
  `/budget/institutions/${encodeURIComponent(bin)}${query({ year })}`;

export const linePath = (lineId: string): string => `/budget/lines/${encodeURIComponent(lineId)}`;

/** The fiscal year of a line id (`{bin}-{code}-{year}`). */
export const yearOfLine = (lineId: string): number | null => yearParam(lineId.split('-').pop() ?? null);
