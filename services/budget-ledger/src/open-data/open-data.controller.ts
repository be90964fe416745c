/**
 * The public reads of the budget (docs/budget.md, "Public HTTP API"; the gateway forwards
 * `/api/v1/budget/...` here). No sign-in. Every answer carries a weak `ETag` (the projection's
 * position and the request, canonically), `Cache-Control: public, max-age=30`, and answers 304 to
 * a matching `If-None-Match` without touching the database. Lists and summaries are also CSV
 * (`?format=csv` or `Accept: text/csv`, all pages), with names in the caller's language
 * (`Accept-Language` kk | ru | en, default kk).
 */
import {
  Controller,
  Get,
  Inject,
  Param,
  Query,
  Req,
  Res,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import type { Request, Response } from 'express';
import type { EventStore } from '@adal/event-store';
import { EVENT_STORE, readPackageVersion } from '@adal/service-kit';
import {
  budgetLineStream,
  FUNCTIONAL_GROUP_CODES,
  INSTITUTION_LEVELS,
  parseLineId,
  regionById,
  REGION_IDS,
  type Language,
} from '../domain/index.js';
import { BUDGET_CLOCK, BUDGET_READ_CONFIG, type BudgetClock, type BudgetReadConfig } from '../read-models/config.js';
import { BudgetProjector } from '../read-models/projector.js';
import { BudgetQueries, type InstitutionSort, type SortOrder } from '../read-models/queries.js';
import { AnswerCache } from './answer-cache.js';
import { earlierDate, FiscalYears } from './fiscal-years.js';
import { regionsEtag } from './regions-fast-path.js';
import { csvLine, viewCsvDocument } from './csv.js';
import {
  cellsOf,
  dataPackageDescriptor,
  headerOf,
  isOpenDataResource,
  RESOURCES,
  type OpenDataResource,
  type ResourceDef,
} from './datapackage.js';
import {
  CSV_TYPE,
  DEFAULT_PAGE_SIZE,
  formatOf,
  JSON_TYPE,
  languageOf,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  MAX_QUERY_CHARS,
  MAX_YEAR,
  MIN_YEAR,
  noStoreHeaders,
  notFound,
  notModified,
  pageLinks,
  QueryReader,
  sendRendered,
  weakEtag,
  type Format,
  type Rendered,
} from './http.js';
import {
  functionalGroupsCsv,
  functionalGroupsView,
  historyOf,
  INSTITUTION_CSV_HEADER,
  institutionCsv,
  institutionCsvRow,
  institutionItem,
  institutionsPageView,
  institutionView,
  lineCsv,
  lineView,
  PROGRAMME_CSV_HEADER,
  programmeCsvRow,
  programmeItem,
  programmesPageView,
  regionCsv,
  regionsCsv,
  regionsView,
  regionView,
  yearsCsv,
  yearsView,
  type CsvView,
  type ViewContext,
} from './views.js';

const VERSION = readPackageVersion(new URL('../../package.json', import.meta.url));

const SORTS = ['name', 'allocated', 'paid', 'executionPct'] as const;
const ORDERS = ['asc', 'desc'] as const;
/** Rows per database round trip while streaming an open-data file. */
const EXPORT_CHUNK = 5_000;

type Query = Record<string, unknown>;

const json = (value: unknown): Rendered => ({ bytes: Buffer.from(JSON.stringify(value)), contentType: JSON_TYPE });
const csv = (view: CsvView): Rendered => ({
  bytes: Buffer.from(view.csv),
  contentType: CSV_TYPE,
  filename: view.filename,
});

/** A problem (4xx) or failure carries no ETag and `Cache-Control: no-store`. */
class NoStoreOnError implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        noStoreHeaders(context.switchToHttp().getResponse<Response>());
        return throwError(() => error);
      }),
    );
  }
}

interface ServeOptions {
  /** Keep the answer in the answer cache (JSON without free-text search only). */
  cache: boolean;
  extraHeaders?: (rendered: Rendered) => Record<string, string>;
}

interface Negotiated {
  language: Language;
  format: Format;
  reader: QueryReader;
}

@Controller('v1/budget')
@UseInterceptors(NoStoreOnError)
export class OpenDataController {
  constructor(
    @Inject(BudgetQueries) private readonly queries: BudgetQueries,
    @Inject(BudgetProjector) private readonly projector: BudgetProjector,
    @Inject(BUDGET_READ_CONFIG) private readonly config: BudgetReadConfig,
    @Inject(BUDGET_CLOCK) private readonly clock: BudgetClock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AnswerCache) private readonly cache: AnswerCache,
    @Inject(FiscalYears) private readonly fiscalYears: FiscalYears,
  ) {}

  // ---- plumbing ----

  private negotiate(req: Request, query: Query): Negotiated {
    const language = languageOf(req.headers['accept-language']);
    const reader = new QueryReader(query, language);
    const format = formatOf(reader, req.headers.accept);
    return { language, format, reader };
  }

  /**
   * `latest`: the latest ledger date of the answer's fiscal year (or of the whole ledger for an
   * answer about no year); `asOf` shows the earlier of it and today.
   */
  private context(latest: string | null, today = this.clock.today()): ViewContext {
    return { synthetic: this.config.synthetic, asOf: earlierDate(latest, today), today };
  }

  /** The context of an answer about fiscal year `year`. */
  private async yearContext(year: number): Promise<ViewContext> {
    return this.context(await this.queries.yearAsOf(year));
  }

  private years(): Promise<number[]> {
    return this.fiscalYears.years();
  }

  /** The default fiscal year: this year when it has data, else the latest year up to now, else the latest. */
  private currentYear(): Promise<number> {
    return this.fiscalYears.current();
  }

  private async yearOf(reader: QueryReader): Promise<number> {
    const year = reader.int('year', MIN_YEAR, MAX_YEAR);
    reader.done();
    return year ?? (await this.currentYear());
  }

  /**
   * ETag first (304 without any query), then the answer from the cache or `compute`. The tag
   * covers the projection's position, the service clock's day (statuses and the default year
   * follow it), the path, the canonical query (the resolved year) and the negotiated format and
   * language. Whatever is in the path must exist before this is called (no 304 for a 404).
   */
  private async serve(
    req: Request,
    res: Response,
    key: readonly (string | number | undefined)[],
    compute: () => Promise<Rendered>,
    options: ServeOptions,
  ): Promise<void> {
    const etag = weakEtag(this.projector.current().position, [req.path, this.clock.today(), ...key]);
    await this.serveTagged(req, res, etag, compute, options);
  }

  private async serveTagged(
    req: Request,
    res: Response,
    etag: string,
    compute: () => Promise<Rendered>,
    options: ServeOptions,
  ): Promise<void> {
    if (notModified(req, res, etag)) return;
    const rendered = options.cache ? (this.cache.peek(etag) ?? (await this.cache.get(etag, compute))) : await compute();
    sendRendered(res, rendered, options.extraHeaders?.(rendered) ?? {});
  }

  // ---- routes ----

  @Get('years')
  async getYears(@Query() query: Query, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { format, reader } = this.negotiate(req, query);
    reader.done();
    await this.serve(
      req,
      res,
      [format],
      async () => {
        const years = await this.years();
        const current = await this.currentYear();
        return format === 'csv'
          ? csv(yearsCsv(years, current))
          : json(yearsView(years, current, this.context(this.projector.current().asOf)));
      },
      { cache: format === 'json' },
    );
  }

  /**
   * All 20 regions: the hot route (the map). Answered from memory until the projection moves;
   * once cached, `RegionsFastPath` answers it ahead of Express under the same ETag.
   */
  @Get('regions')
  async getRegions(@Query() query: Query, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { language, format, reader } = this.negotiate(req, query);
    const asked = reader.int('year', MIN_YEAR, MAX_YEAR);
    reader.done();
    const { position } = this.projector.current();
    const year = asked ?? (await this.currentYear());
    const today = this.clock.today();
    const etag = regionsEtag(position, year, today, format, language);
    await this.serveTagged(
      req,
      res,
      etag,
      async () => {
        const { snapshot, rows } = await this.queries.regionYears(year);
        const view = regionsView(year, rows, this.context(snapshot.yearAsOf, today));
        return format === 'csv' ? csv(regionsCsv(view, language)) : json(view);
      },
      { cache: format === 'json' },
    );
  }

  @Get('regions/:regionId')
  async getRegion(
    @Param('regionId') regionId: string,
    @Query() query: Query,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { language, format, reader } = this.negotiate(req, query);
    const region = regionById(regionId);
    if (!region) throw notFound('noRegion', language);
    const year = await this.yearOf(reader);
    await this.serve(
      req,
      res,
      [year, format, language],
      async () => {
        const [row, groups, context] = await Promise.all([
          this.queries.regionYear(region.id, year),
          this.queries.functionalGroups(region.id, year),
          this.yearContext(year),
        ]);
        const view = regionView(region, year, row, groups, context);
        return format === 'csv' ? csv(regionCsv(view, language)) : json(view);
      },
      { cache: format === 'json' },
    );
  }

  @Get('regions/:regionId/institutions')
  async getRegionInstitutions(
    @Param('regionId') regionId: string,
    @Query() query: Query,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { language, format, reader } = this.negotiate(req, query);
    const region = regionById(regionId);
    if (!region) throw notFound('noRegion', language);
    const q = reader.text('q', MAX_QUERY_CHARS)?.trim();
    const level = reader.choice('level', INSTITUTION_LEVELS);
    const sort: InstitutionSort = reader.choice('sort', SORTS) ?? 'name';
    const order: SortOrder = reader.choice('order', ORDERS) ?? (sort === 'name' ? 'asc' : 'desc');
    const page = reader.int('page', 1, MAX_PAGE) ?? 1;
    const pageSize = reader.int('pageSize', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
    const year = await this.yearOf(reader);
    const filter = {
      regionId: region.id,
      year,
      ...(q ? { q } : {}),
      ...(level ? { level } : {}),
      sort,
      order,
      language,
    };
    const key = [year, q, level, sort, order, format, language, ...(format === 'json' ? [page, pageSize] : [])];
    await this.serve(
      req,
      res,
      key,
      async () => {
        const context = await this.yearContext(year);
        if (format === 'csv') {
          const all = await this.queries.institutions(filter, 0, undefined);
          return csv({
            csv: viewCsvDocument(
              INSTITUTION_CSV_HEADER,
              all.rows.map((r) => institutionCsvRow(institutionItem(r, year, context), year, language)),
            ),
            filename: `budget-institutions-${region.id}-${year}.csv`,
          });
        }
        const { rows, total } = await this.queries.institutions(filter, (page - 1) * pageSize, pageSize);
        const items = rows.map((r) => institutionItem(r, year, context));
        const rendered = json(institutionsPageView(year, items, page, pageSize, total, context));
        return { ...rendered, total };
      },
      {
        // A search is as varied as its text: computed per request, never kept.
        cache: format === 'json' && !q,
        extraHeaders: (rendered): Record<string, string> =>
          format === 'json'
            ? {
                Link: pageLinks(
                  `/v1/budget/regions/${region.id}/institutions`,
                  { year, q, level, sort, order },
                  page,
                  pageSize,
                  rendered.total ?? 0,
                ),
              }
            : {},
      },
    );
  }

  @Get('institutions/:bin')
  async getInstitution(
    @Param('bin') bin: string,
    @Query() query: Query,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { language, format, reader } = this.negotiate(req, query);
    if (!/^\d{12}$/.test(bin)) throw notFound('noInstitution', language);
    const year = await this.yearOf(reader);
    // Before the conditional check: `If-None-Match: *` must not answer 304 for an unknown BIN.
    const institution = await this.queries.institution(bin);
    if (!institution) throw notFound('noInstitution', language);
    await this.serve(
      req,
      res,
      [year, format, language],
      async () => {
        const [totals, lines, context] = await Promise.all([
          this.queries.institutionYear(bin, year),
          this.queries.institutionLines(bin, year),
          this.yearContext(year),
        ]);
        const view = institutionView(institution, year, totals, lines, context);
        return format === 'csv' ? csv(institutionCsv(view, language)) : json(view);
      },
      { cache: format === 'json' },
    );
  }

  @Get('lines/:lineId')
  async getLine(
    @Param('lineId') lineId: string,
    @Query() query: Query,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { language, format, reader } = this.negotiate(req, query);
    reader.done();
    if (!parseLineId(lineId)) throw notFound('noLine', language);
    // Before the conditional check: `If-None-Match: *` must not answer 304 for an unknown line.
    if (!(await this.queries.hasLine(lineId))) throw notFound('noLine', language);
    await this.serve(
      req,
      res,
      [format],
      async () => {
        const { snapshot, line } = await this.queries.line(lineId);
        if (!line) throw notFound('noLine', language);
        // The history as far as the projection has come, so it agrees with the totals beside it.
        const [stream, context] = await Promise.all([
          this.store.readStream(budgetLineStream(lineId)),
          this.yearContext(line.fiscalYear),
        ]);
        const events = stream.filter((e) => e.globalPosition <= snapshot.position);
        const view = lineView(line, historyOf(events), context);
        return format === 'csv' ? csv(lineCsv(view)) : json(view);
      },
      { cache: format === 'json' },
    );
  }

  @Get('programmes')
  async getProgrammes(@Query() query: Query, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { language, format, reader } = this.negotiate(req, query);
    const functionalGroup = reader.choice('functionalGroup', FUNCTIONAL_GROUP_CODES);
    const page = reader.int('page', 1, MAX_PAGE) ?? 1;
    const pageSize = reader.int('pageSize', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
    const year = await this.yearOf(reader);
    const filter = { year, ...(functionalGroup ? { functionalGroup } : {}) };
    const key = [year, functionalGroup, format, language, ...(format === 'json' ? [page, pageSize] : [])];
    await this.serve(
      req,
      res,
      key,
      async () => {
        if (format === 'csv') {
          const all = await this.queries.programmes(filter, 0, undefined);
          return csv({
            csv: viewCsvDocument(
              PROGRAMME_CSV_HEADER,
              all.rows.map((r) => programmeCsvRow(programmeItem(r), year, language)),
            ),
            filename: `budget-programmes-${year}.csv`,
          });
        }
        const { rows, total } = await this.queries.programmes(filter, (page - 1) * pageSize, pageSize);
        const context = await this.yearContext(year);
        const rendered = json(programmesPageView(year, rows.map(programmeItem), page, pageSize, total, context));
        return { ...rendered, total };
      },
      {
        cache: format === 'json',
        extraHeaders: (rendered): Record<string, string> =>
          format === 'json'
            ? {
                Link: pageLinks(
                  '/v1/budget/programmes',
                  { year, functionalGroup },
                  page,
                  pageSize,
                  rendered.total ?? 0,
                ),
              }
            : {},
      },
    );
  }

  @Get('functional-groups')
  async getFunctionalGroups(@Query() query: Query, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { language, format, reader } = this.negotiate(req, query);
    const regionId = reader.choice('regionId', [this.queries.countryId(), ...REGION_IDS]) ?? this.queries.countryId();
    const year = await this.yearOf(reader);
    await this.serve(
      req,
      res,
      [year, regionId, format, language],
      async () => {
        const [rows, context] = await Promise.all([
          this.queries.functionalGroups(regionId, year),
          this.yearContext(year),
        ]);
        const view = functionalGroupsView(regionId, year, rows, context);
        return format === 'csv' ? csv(functionalGroupsCsv(view, language)) : json(view);
      },
      { cache: format === 'json' },
    );
  }

  // ---- open data ----

  @Get('open-data/datapackage.json')
  async getDataPackage(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.serve(
      req,
      res,
      [],
      async () =>
        json(
          dataPackageDescriptor({
            synthetic: this.config.synthetic,
            years: await this.years(),
            asOf: earlierDate(this.projector.current().asOf, this.clock.today()),
            version: VERSION,
          }),
        ),
      { cache: true },
    );
  }

  @Get('open-data/:file')
  async getOpenDataFile(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const language = languageOf(req.headers['accept-language']);
    const name = file.endsWith('.csv') ? file.slice(0, -4) : '';
    if (!isOpenDataResource(name)) throw notFound('noFile', language);
    const { position } = this.projector.current();
    const etag = weakEtag(position, [req.path]);
    if (notModified(req, res, etag)) return;
    await this.stream(res, name, position);
  }

  /** Streams an open-data file, a keyset page at a time, minding back-pressure. */
  private async stream(res: Response, name: OpenDataResource, upTo: bigint): Promise<void> {
    let gone = false;
    res.once('close', () => (gone = true));
    const pages = this.pagesOf(name, upTo);
    // The first page before any header: a failing database still answers a problem.
    let next = await pages.next();
    res.setHeader('Content-Type', CSV_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    res.status(200);
    const resource = RESOURCES[name] as ResourceDef<unknown>;
    const write = async (text: string): Promise<void> => {
      if (!res.write(text) && !gone)
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
    };
    try {
      await write(csvLine(headerOf(resource)));
      while (!next.done && !gone) {
        let chunk = '';
        for (const row of next.value) chunk += csvLine(cellsOf(resource, row));
        await write(chunk);
        next = await pages.next();
      }
      res.end();
    } catch (error) {
      // Headers are out: all that is left is to break the answer off, so it is not taken as whole.
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      await pages.return(undefined);
    }
  }

  private async *pagesOf(name: OpenDataResource, upTo: bigint): AsyncGenerator<unknown[], void> {
    const q = this.queries;
    switch (name) {
      case 'institutions':
        for (let after = ''; ;) {
          const rows = await q.institutionsAfter(after, EXPORT_CHUNK);
          if (rows.length === 0) return;
          yield rows;
          after = rows[rows.length - 1]!.bin;
        }
      case 'programmes':
        for (let after = ''; ;) {
          const rows = await q.programmesAfter(after, EXPORT_CHUNK);
          if (rows.length === 0) return;
          yield rows;
          after = rows[rows.length - 1]!.code;
        }
      case 'budget-lines':
        for (let after = ''; ;) {
          const rows = await q.linesAfter(after, EXPORT_CHUNK);
          if (rows.length === 0) return;
          yield rows;
          after = rows[rows.length - 1]!.lineId;
        }
      case 'transactions':
        for (let after = 0n; ;) {
          const rows = await q.transactionsAfter(after, upTo, EXPORT_CHUNK);
          if (rows.length === 0) return;
          yield rows;
          after = BigInt(rows[rows.length - 1]!.position);
        }
    }
  }
}
