import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { LANGUAGES, type Language } from '../i18n/language.js';
import { LocalizedText } from '../routes/common.responses.js';
import type { Profile as ProfileShape, SignInResult as SignInResultShape } from './auth.controller.js';
import type { DemoUserSummary } from './dev-identity-provider.js';
import { ROLES, type Role } from './roles.js';

/**
 * Success bodies of the gateway's own auth routes (`auth.controller.ts`). Each class implements
 * the type the handler returns, so the compiler notices when the two drift apart.
 */

const ROLE_LIST = { enum: ROLES, isArray: true, example: ['citizen'] } as const;

/** `GET /api/v1/me`, and `user` of a sign-in. */
@ApiSchema({ description: 'The caller as the gateway knows them. Never an IIN.' })
export class Profile implements ProfileShape {
  @ApiProperty({ type: String, example: 'citizen-aigerim', description: 'Subject (user id)' })
  sub!: string;

  @ApiProperty({ ...ROLE_LIST })
  roles!: Role[];

  @ApiProperty({ type: () => LocalizedText })
  name!: LocalizedText;

  @ApiPropertyOptional({
    type: String,
    example: 'q3TzR0cYb1mJ8vNwK2xLp5sD7fGhA9eU',
    description: 'Citizens: the opaque reference services know them by',
  })
  citizenRef?: string;

  @ApiPropertyOptional({ type: String, example: 'official-akimat-head', description: 'Officials' })
  officialId?: string;

  @ApiPropertyOptional({ type: String, example: 'office-akimat', description: 'Staff of an office' })
  officeId?: string;

  @ApiProperty({ enum: LANGUAGES, description: 'Language answers are given in for this request' })
  language!: Language;

  @ApiPropertyOptional({ enum: LANGUAGES, description: "The user's preferred language, when known" })
  preferredLanguage?: Language;

  @ApiProperty({
    type: String,
    format: 'date-time',
    example: '2026-12-01T06:00:00.000Z',
    description: 'When the access token expires',
  })
  tokenExpiresAt!: string;
}

/** `POST /api/v1/auth/dev/sign-in` */
@ApiSchema({ description: 'An access token and the profile of the user it was issued to.' })
export class SignInResult implements SignInResultShape {
  @ApiProperty({ type: String, description: 'Send as `Authorization: Bearer <accessToken>`' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ type: 'integer', example: 3600, description: 'Seconds the token is valid for' })
  expiresIn!: number;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-01T06:00:00.000Z' })
  expiresAt!: string;

  @ApiProperty({ type: () => Profile })
  user!: Profile;
}

/** `GET /api/v1/auth/dev/users` (an array of these) */
@ApiSchema({ description: 'A fictional demo user one can sign in as. No IIN, no citizenRef.' })
export class DemoUser implements DemoUserSummary {
  @ApiProperty({ type: String, example: 'citizen-aigerim', description: '`userId` to sign in with' })
  userId!: string;

  @ApiProperty({ ...ROLE_LIST })
  roles!: Role[];

  @ApiProperty({ type: () => LocalizedText })
  name!: LocalizedText;

  @ApiProperty({ type: () => LocalizedText, description: 'Who the demo user is, for the sign-in picker' })
  description!: LocalizedText;

  @ApiProperty({ enum: LANGUAGES })
  preferredLanguage!: Language;

  @ApiPropertyOptional({ type: String, example: 'official-akimat-head' })
  officialId?: string;

  @ApiPropertyOptional({ type: String, example: 'office-akimat' })
  officeId?: string;
}
