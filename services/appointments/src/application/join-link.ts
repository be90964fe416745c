import { createHmac } from 'node:crypto';
import { DEFAULT_JOIN_URL_TEMPLATE, joinUrlFor } from '../domain/index.js';

/**
 * The video link of a remote reception. The room id is an HMAC of the booking id under a
 * server key: booking ids travel in integration events and agendas, room ids must not be
 * guessable from them. The link itself never leaves the service in integration events; it is
 * shown only to the booking's citizen and official and put into their reminders.
 */
export const joinLinkFor = (bookingId: string, env: NodeJS.ProcessEnv = process.env): string => {
  const key = env['VIDEO_ROOM_KEY'] ?? (env['NODE_ENV'] === 'production' ? undefined : 'adal-office-development-video-room-key');
  if (!key) throw new Error('VIDEO_ROOM_KEY must be set in production');
  const room = createHmac('sha256', key).update(bookingId).digest('base64url').slice(0, 22);
  // The template's {bookingId} placeholder receives the room id.
  return joinUrlFor(env['VIDEO_ROOM_URL_TEMPLATE'] ?? DEFAULT_JOIN_URL_TEMPLATE, room);
};
