import { Inject, Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import { currentTraceId, PROBLEM_CONTENT_TYPE, type ProblemDetails } from '@adal/service-kit';
import { pathOf, type GatewayRequest, type GatewayResponse } from '../http.js';
import type { Language } from '../i18n/language.js';
import { statusTitle } from '../i18n/messages.js';
import { languageOf } from '../i18n/request-language.js';
import { BASELINE_HEADERS, webAppHeaders, type InlineContent } from './security-headers.js';
import { negotiateEncoding, WebAppFiles, type IndexPage, type WebFile } from './web-app-files.js';

/** Paths the web app never answers: the API (and its docs) and health. */
const RESERVED = /^\/(api|health)(\/|$)/i;

/** Problem type of the 503 answered for pages while `apps/web/dist` is missing. */
export const WEB_APP_NOT_BUILT = 'urn:adal-office:problem:web-app-not-built';

const NOT_BUILT: Record<Language, string> = {
  kk: 'Веб-қосымша әлі жиналмаған: `npm run build -w @adal/web` командасын орындап, бетті жаңартыңыз.',
  ru: 'Веб-приложение ещё не собрано: выполните `npm run build -w @adal/web` и обновите страницу.',
  en: 'The web app is not built yet: run `npm run build -w @adal/web`, then reload the page.',
};

/** A navigation by a browser: it asks for HTML explicitly (`*\/*` alone is an API client). */
const wantsHtml = (request: GatewayRequest): boolean => /\btext\/html\b/i.test(request.headers.accept ?? '');

const isSecure = (request: GatewayRequest): boolean => (request as { secure?: boolean }).secure === true;

const NO_INLINE: Pick<InlineContent, 'styleHashes'> = { styleHashes: [] };

/**
 * Serves the built web app (`WEB_DIST_DIR`) from the gateway, before any route:
 *
 * - every answer of the gateway gets the baseline security headers (nosniff, no referrer, no framing);
 * - `GET`/`HEAD` of a file in the dist folder: the file; content-hashed `assets/*` are cached
 *   for a year (`immutable`), everything else (`index.html`, `public/` files) is revalidated
 *   (`no-cache` + ETag, 304 when unchanged); text is sent br/gzip-compressed when accepted;
 * - `GET`/`HEAD` of any other path that accepts `text/html` (a browser navigating to
 *   `/`, `/bookings/123`, ...): `index.html`, so the app's own router takes over;
 * - the same while the app is not built: a 503 problem+json saying how to build it;
 * - `/api/...`, `/health/...`, other methods, non-HTML requests for unknown paths: untouched,
 *   so the API's routes and its 404 problem+json answer as before (and `GET /` without
 *   `Accept: text/html` still says which service answers).
 *
 * Pages and files carry a strict Content-Security-Policy (see `security-headers.ts`).
 */
@Injectable()
export class WebAppMiddleware implements NestMiddleware {
  private readonly logger = new Logger('WebApp');
  private warnedAbout = '';

  constructor(@Inject(WebAppFiles) private readonly files: WebAppFiles) {}

  async use(request: GatewayRequest, response: GatewayResponse, next: (error?: unknown) => void): Promise<void> {
    for (const [name, value] of Object.entries(BASELINE_HEADERS)) response.setHeader(name, value);
    const method = request.method ?? 'GET';
    const urlPath = pathOf(request);
    if ((method !== 'GET' && method !== 'HEAD') || RESERVED.test(urlPath)) {
      next();
      return;
    }
    try {
      const file = urlPath === '/' ? undefined : await this.files.find(urlPath);
      if (file && file.relativePath !== 'index.html') {
        const index = await this.files.index();
        await this.send(request, response, file, index?.inline ?? NO_INLINE);
        return;
      }
      const named = file?.relativePath === 'index.html';
      if (!named && (!wantsHtml(request) || urlPath.startsWith('/assets/'))) {
        next();
        return;
      }
      const index = await this.files.index();
      if (!index) {
        this.notBuilt(request, response);
        return;
      }
      this.warnAboutInlineCode(index);
      await this.send(request, response, index, index.inline);
    } catch (error) {
      next(error);
    }
  }

  private async send(
    request: GatewayRequest,
    response: GatewayResponse,
    file: WebFile | IndexPage,
    inline: Pick<InlineContent, 'styleHashes'>,
  ): Promise<void> {
    for (const [name, value] of Object.entries(webAppHeaders(inline, isSecure(request)))) {
      response.setHeader(name, value);
    }
    response.setHeader('Cache-Control', file.cacheControl);
    response.setHeader('ETag', file.etag);
    if (file.compressible) response.setHeader('Vary', 'Accept-Encoding');

    if (etagMatches(request.headers['if-none-match'], file.etag)) {
      response.statusCode = 304;
      response.end();
      return;
    }
    response.setHeader('Content-Type', file.contentType);
    const encoding = file.compressible ? negotiateEncoding(request.headers['accept-encoding']) : undefined;
    let body = file.body;
    if (encoding && body) {
      body = await this.files.compressed(file, encoding);
      response.setHeader('Content-Encoding', encoding);
    }
    response.statusCode = 200;
    if (body) {
      response.setHeader('Content-Length', body.length);
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    response.setHeader('Content-Length', file.size);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = this.files.stream(file);
    stream.once('error', (error) => {
      this.logger.error(`could not read ${file.relativePath}: ${error.message}`);
      response.destroy(error);
    });
    stream.pipe(response);
  }

  private notBuilt(request: GatewayRequest, response: GatewayResponse): void {
    const language = languageOf(request);
    const problem: ProblemDetails = {
      type: WEB_APP_NOT_BUILT,
      title: statusTitle(503, language),
      status: 503,
      detail: NOT_BUILT[language],
      instance: pathOf(request),
    };
    const traceId = currentTraceId();
    if (traceId) problem.traceId = traceId;
    for (const [name, value] of Object.entries(webAppHeaders(NO_INLINE, isSecure(request)))) {
      response.setHeader(name, value);
    }
    const body = Buffer.from(JSON.stringify(problem));
    response.statusCode = 503;
    response.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    response.setHeader('Content-Language', language);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Length', body.length);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  /** Once per build of `index.html`: inline code the Content-Security-Policy will block. */
  private warnAboutInlineCode(index: IndexPage): void {
    if (this.warnedAbout === index.etag) return;
    this.warnedAbout = index.etag;
    const { inlineScripts, styleAttributes } = index.inline;
    if (inlineScripts > 0 || styleAttributes > 0) {
      this.logger.warn(
        `index.html has ${inlineScripts} inline script(s) and ${styleAttributes} style attribute(s); ` +
          'the Content-Security-Policy blocks them: move them to files the build emits',
      );
    }
  }
}

/** RFC 9110 `If-None-Match` (weak comparison). */
const etagMatches = (header: string | undefined, etag: string): boolean => {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
};
