import { requireHttpsUrl } from '../shared/validation.js';

/** Default template; deployments configure their own video service. */
export const DEFAULT_JOIN_URL_TEMPLATE = 'https://video.example.kz/room/{bookingId}';

/**
 * The video link of a remote reception, from a configured template holding `{bookingId}`
 * (e.g. `https://video.example.kz/room/{bookingId}`). Pure, so the same booking always gets the
 * same room and a retried confirmation carries the same link.
 */
export const joinUrlFor = (template: string, bookingId: string): string => {
  if (!template.includes('{bookingId}')) throw new RangeError('The join URL template must contain {bookingId}');
  return requireHttpsUrl(template.replaceAll('{bookingId}', encodeURIComponent(bookingId)), 'joinUrl');
};
