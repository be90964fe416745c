import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { inlineContentOf, type InlineContent } from './security-headers.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** Compressed once, on first request, then kept: text that shrinks well. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.txt', '.xml', '.svg']);
const MIN_COMPRESS_BYTES = 1024;
/** Bigger files are streamed from disk, not kept in memory (Vite's own output is far smaller). */
const MAX_CACHED_BYTES = 4 * 1024 * 1024;

/** `assets/name-<hash>.ext`: Vite's content-hashed output, never changes under its name. */
const HASHED_ASSET = /^assets\/(?:.+\/)?[^/]+[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+(?:\.map)?$/;

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Revalidate every time (cheap with the ETag): `index.html` and unhashed files under `public/`. */
export const CACHE_REVALIDATE = 'no-cache';

export type Encoding = 'br' | 'gzip';

export interface WebFile {
  /** Path inside the dist folder, with `/` separators. */
  relativePath: string;
  contentType: string;
  cacheControl: string;
  etag: string;
  size: number;
  compressible: boolean;
  /** The bytes (cached files) or undefined (streamed). */
  body?: Buffer;
  absolutePath: string;
}

interface CachedFile extends WebFile {
  mtimeMs: number;
  compressed: Map<Encoding, Promise<Buffer>>;
}

/** The entry page, with what its Content-Security-Policy needs. */
export interface IndexPage extends WebFile {
  body: Buffer;
  inline: InlineContent;
}

/**
 * The built web app on disk: finds files safely inside the dist folder, knows their type and
 * caching, keeps small ones (and their br/gzip forms) in memory. Every lookup checks the file's
 * size and mtime, so a rebuild while the gateway runs is picked up.
 */
export class WebAppFiles {
  private readonly cache = new Map<string, CachedFile>();
  private readonly inlineByEtag = new Map<string, InlineContent>();

  constructor(readonly distDir: string) {}

  /** The file at a URL path (`/assets/index-abc.js`), or undefined (missing, a folder, a dotfile, outside). */
  async find(urlPath: string): Promise<WebFile | undefined> {
    const relative = this.relativeOf(urlPath);
    return relative === undefined ? undefined : this.load(relative);
  }

  /** `index.html`, or undefined when the app is not built. */
  async index(): Promise<IndexPage | undefined> {
    const file = await this.load('index.html');
    if (!file?.body) return undefined;
    let inline = this.inlineByEtag.get(file.etag);
    if (!inline) {
      // A new build: forget the files of the old one (their hashed names are gone).
      if (this.inlineByEtag.size > 0)
        for (const name of this.cache.keys()) if (name !== 'index.html') this.cache.delete(name);
      inline = inlineContentOf(file.body.toString('utf8'));
      this.inlineByEtag.clear();
      this.inlineByEtag.set(file.etag, inline);
    }
    return { ...file, body: file.body, inline };
  }

  /** The file's bytes in `encoding`, compressed once and kept. */
  compressed(file: WebFile, encoding: Encoding): Promise<Buffer> {
    const cached = this.cache.get(file.relativePath);
    if (!cached?.body || cached.etag !== file.etag) return this.compress(file.body ?? Buffer.alloc(0), encoding);
    let result = cached.compressed.get(encoding);
    if (!result) {
      result = this.compress(cached.body, encoding);
      cached.compressed.set(encoding, result);
      result.catch(() => cached.compressed.delete(encoding));
    }
    return result;
  }

  stream(file: WebFile): ReadStream {
    return createReadStream(file.absolutePath);
  }

  private compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
    return encoding === 'br'
      ? brotli(body, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
        })
      : gzipAsync(body, { level: 9 });
  }

  /** The dist-relative path of a URL path, or undefined when it must not be served. */
  private relativeOf(urlPath: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
    const relative = path.posix.normalize(decoded).replace(/^\/+/, '');
    if (relative === '' || relative.endsWith('/')) return undefined;
    const segments = relative.split('/');
    // No dotfiles, no way out of the folder.
    if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return undefined;
    return relative;
  }

  private async load(relative: string): Promise<CachedFile | undefined> {
    const absolutePath = path.join(this.distDir, ...relative.split('/'));
    if (!absolutePath.startsWith(this.distDir + path.sep)) return undefined;
    let info;
    try {
      info = await stat(absolutePath);
    } catch {
      this.cache.delete(relative);
      return undefined;
    }
    if (!info.isFile()) return undefined;
    const cached = this.cache.get(relative);
    if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached;

    const extension = path.extname(relative).toLowerCase();
    const base: Omit<CachedFile, 'etag' | 'body'> = {
      relativePath: relative,
      absolutePath,
      contentType: TYPES[extension] ?? 'application/octet-stream',
      cacheControl: HASHED_ASSET.test(relative) ? CACHE_IMMUTABLE : CACHE_REVALIDATE,
      size: info.size,
      mtimeMs: info.mtimeMs,
      compressible: COMPRESSIBLE.has(extension) && info.size >= MIN_COMPRESS_BYTES && info.size <= MAX_CACHED_BYTES,
      compressed: new Map(),
    };
    let file: CachedFile;
    if (info.size <= MAX_CACHED_BYTES) {
      let body: Buffer;
      try {
        body = await readFile(absolutePath);
      } catch {
        return undefined;
      }
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      file = { ...base, body, size: body.length, etag };
    } else {
      file = { ...base, etag: `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"` };
    }
    this.cache.set(relative, file);
    return file;
  }
}

/** The best encoding the client accepts for a compressible file: br, then gzip (RFC 9110 q-values). */
export const negotiateEncoding = (header: string | string[] | undefined): Encoding | undefined => {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const accepted = new Map<string, number>();
  for (const part of value.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, raw] = param.trim().split('=');
      if (key === 'q') q = Number(raw) || 0;
    }
    accepted.set(name.trim(), q);
  }
  const q = (name: Encoding) => accepted.get(name) ?? (accepted.has('*') ? (accepted.get('*') ?? 0) : 0);
  if (q('br') > 0) return 'br';
  if (q('gzip') > 0) return 'gzip';
  return undefined;
};
