/**
 * `GET /v1/budget/regions` is what the map asks for, thousands of times a second. Express and
 * Nest routing cost several times more than the answer itself (a cached buffer), so this answers
 * that one route ahead of Express, straight from the HTTP server's `request` event, when the
 * answer is already cached (or the caller holds it: 304). Anything else (another route, other
 * query parameters, a bad value, a cache miss) goes on to Express and `OpenDataController`,
 * which computes the same answer under the same ETag and caches it. The ETag holds the resolved
 * year and the service clock's day (the status colour and the default year follow the day).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { BUDGET_CLOCK, type BudgetClock } from '../read-models/config.js';
import { BudgetProjector } from '../read-models/projector.js';
import { AnswerCache } from './answer-cache.js';
import { FiscalYears } from './fiscal-years.js';
import {
  CACHE_CONTROL,
  languageOf,
  matches,
  MAX_YEAR,
  MIN_YEAR,
  preferredFormat,
  VARY,
  weakEtag,
  type Format,
} from './http.js';
import type { Language } from '../domain/index.js';

export const REGIONS_PATH = '/v1/budget/regions';

/** The cache key (and ETag) of a regions answer; the controller uses the same. */
export const regionsEtag = (
  position: bigint,
  year: number,
  today: string,
  format: Format,
  language: Language,
): string => weakEtag(position, [REGIONS_PATH, year, today, format, format === 'csv' ? language : undefined]);

const YEAR = /^\d{4}$/;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

@Injectable()
export class RegionsFastPath implements OnApplicationBootstrap {
  private readonly logger = new Logger('RegionsFastPath');

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(AnswerCache) private readonly cache: AnswerCache,
    @Inject(BudgetProjector) private readonly projector: BudgetProjector,
    @Inject(FiscalYears) private readonly fiscalYears: FiscalYears,
    @Inject(BUDGET_CLOCK) private readonly clock: BudgetClock,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer?.() as Server | undefined;
    if (!server) return; // an application context without HTTP (a CLI)
    const listeners = server.listeners('request') as Listener[];
    if (listeners.length !== 1) {
      this.logger.warn('no single HTTP request listener to go ahead of: the regions answer takes the usual route');
      return;
    }
    const next = listeners[0]!;
    server.removeListener('request', next);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (!this.answer(req, res)) next.call(server, req, res);
    });
  }

  /** Answers when it can do so from memory; false to let the application handle the request. */
  answer(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '';
    if (!url.startsWith(REGIONS_PATH)) return false;
    const q = url.indexOf('?');
    if ((q < 0 ? url : url.slice(0, q)) !== REGIONS_PATH) return false;
    let year: number | undefined;
    let asked: Format | undefined;
    if (q >= 0) {
      for (const [key, value] of new URLSearchParams(url.slice(q + 1))) {
        if (key === 'year' && year === undefined && YEAR.test(value)) {
          year = Number(value);
          if (year < MIN_YEAR || year > MAX_YEAR) return false;
        } else if (key === 'format' && asked === undefined && (value === 'json' || value === 'csv')) asked = value;
        else return false;
      }
    }
    const format = preferredFormat(asked, req.headers.accept);
    const language = languageOf(req.headers['accept-language']);
    const resolved = year ?? this.fiscalYears.currentNow();
    if (resolved === undefined) return false;
    const etag = regionsEtag(this.projector.current().position, resolved, this.clock.today(), format, language);
    const held = matches(req.headers['if-none-match'], etag);
    const hit = held ? undefined : this.cache.peek(etag);
    if (!held && !hit) return false;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', CACHE_CONTROL);
    res.setHeader('Vary', VARY);
    if (held) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', hit!.contentType);
    if (hit!.filename) res.setHeader('Content-Disposition', `attachment; filename="${hit!.filename}"`);
    if (req.method === 'HEAD') {
      res.setHeader('Content-Length', hit!.bytes.length);
      res.end();
    } else res.end(hit!.bytes);
    return true;
  }
}
