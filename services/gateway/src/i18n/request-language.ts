import type { GatewayRequest } from '../http.js';
import { DEFAULT_LANGUAGE, negotiateLanguage, type Language } from './language.js';

/**
 * The language to answer a request in: the best of kk/ru/en in `Accept-Language`, else the
 * signed-in user's preferred language, else Kazakh.
 */
export const languageOf = (request: Pick<GatewayRequest, 'headers' | 'principal'>): Language =>
  negotiateLanguage(request.headers['accept-language']) ?? request.principal?.preferredLanguage ?? DEFAULT_LANGUAGE;
