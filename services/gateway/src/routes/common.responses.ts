import { ApiProperty } from '@nestjs/swagger';

/**
 * Pieces shared by the response schemas of the gateway's own routes (`auth/auth.responses.ts`)
 * and of the routes it forwards (`routes/appointments/appointments.responses.ts`). Response
 * schemas describe what is answered, for the OpenAPI document and the web client's generated
 * types; nothing validates them at run time.
 */

/** Dates as the services write them: `YYYY-MM-DD` (Kazakhstan calendar day). */
export const RESPONSE_DATE = {
  type: String,
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  example: '2026-12-01',
} as const;

/** Times of day: `HH:mm`, Kazakhstan local time (Asia/Almaty, UTC+05:00). */
export const RESPONSE_TIME = { type: String, pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', example: '10:00' } as const;

/** Instants: ISO 8601 with an offset; the appointments service writes them in `+05:00`. */
export const RESPONSE_INSTANT = { type: String, format: 'date-time', example: '2026-12-01T10:00:00+05:00' } as const;

/** A text in the three languages of the platform. */
export class LocalizedText {
  @ApiProperty({ type: String, description: 'Kazakh', example: 'Аудандық әкімдік' })
  kk!: string;

  @ApiProperty({ type: String, description: 'Russian', example: 'Районный акимат' })
  ru!: string;

  @ApiProperty({ type: String, description: 'English', example: 'District akimat' })
  en!: string;
}
