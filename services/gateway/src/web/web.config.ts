import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * | variable | default | meaning |
 * |---|---|---|
 * | `WEB_DIST_DIR` | `<repo>/apps/web/dist` | the built web app (`npm run build -w @adal/web`) the gateway serves at `/` |
 */

/** `apps/web/dist` of this checkout (or image): `services/gateway/{src,dist}/web/` is four levels down. */
export const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../../../apps/web/dist', import.meta.url));

export interface WebAppConfig {
  /** Absolute path of the built web app. */
  distDir: string;
}

export const loadWebAppConfig = (env: NodeJS.ProcessEnv = process.env): WebAppConfig => {
  const raw = env['WEB_DIST_DIR']?.trim();
  return { distDir: raw ? path.resolve(raw) : DEFAULT_WEB_DIST_DIR };
};

/** Injection token of the `WebAppConfig`. */
export const WEB_APP_CONFIG = 'ADAL_WEB_APP_CONFIG';
