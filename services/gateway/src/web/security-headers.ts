import { createHash } from 'node:crypto';

/**
 * Headers on every gateway answer (API included): no MIME sniffing, no referrer leaving the
 * site (paths can carry booking ids), never framed.
 */
export const BASELINE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** Browser features the web app never uses (camera and microphone stay allowed for video receptions). */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'payment=()',
  'usb=()',
].join(', ');

/** What an `index.html` holds inline, for its Content-Security-Policy. */
export interface InlineContent {
  /** `'sha256-...'` of each inline `<style>` element. */
  styleHashes: string[];
  /** How many inline `<script>` elements (without `src`) it has: the policy blocks them. */
  inlineScripts: number;
  /** How many `style="..."` attributes it has: the policy blocks them. */
  styleAttributes: number;
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Scans a built `index.html` (Vite's output: a few tags, no templating) for inline styles and scripts. */
export const inlineContentOf = (html: string): InlineContent => {
  const styleHashes = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => sha256(m[1] ?? ''));
  const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].filter(
    ([, attributes = '', body = '']) => !/\bsrc\s*=/i.test(attributes) && body.trim() !== '',
  ).length;
  const styleAttributes = [...html.matchAll(/<[a-z][^>]*\sstyle\s*=/gi)].length;
  return { styleHashes: [...new Set(styleHashes)], inlineScripts, styleAttributes };
};

/**
 * The Content-Security-Policy of the web app: everything from our own origin only; no inline
 * scripts, no `eval`; inline styles only the exact `<style>` blocks of `index.html` (by hash);
 * `data:` only for the small images and fonts Vite inlines; never framed; no plugins.
 */
export const contentSecurityPolicy = (inline: Pick<InlineContent, 'styleHashes'>, secure: boolean): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...inline.styleHashes].join(' '),
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(secure ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

/** Headers of everything the web app serves (pages, assets, the "not built" problem). */
export const webAppHeaders = (inline: Pick<InlineContent, 'styleHashes'>, secure: boolean): Record<string, string> => ({
  ...BASELINE_HEADERS,
  'Content-Security-Policy': contentSecurityPolicy(inline, secure),
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
  ...(secure ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
});
